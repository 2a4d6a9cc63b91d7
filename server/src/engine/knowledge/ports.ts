/**
 * Container ports of services that should never face the network: databases, caches, message brokers, cluster
 * control planes and debuggers. Most listen without authentication by default, or with a default password.
 * Matched on the container port (the service inside), since the host side can be any number.
 */
const PRIVATE_PORTS = new Map<number, string>([
  [5432, 'PostgreSQL'],
  [3306, 'MySQL/MariaDB'],
  [33060, 'MySQL X protocol'],
  [1433, 'SQL Server'],
  [1521, 'Oracle Database'],
  [27017, 'MongoDB'],
  [27018, 'MongoDB'],
  [27019, 'MongoDB'],
  [6379, 'Redis'],
  [11211, 'Memcached'],
  [9200, 'Elasticsearch/OpenSearch'],
  [9300, 'Elasticsearch transport'],
  [5984, 'CouchDB'],
  [8086, 'InfluxDB'],
  [9042, 'Cassandra'],
  [7687, 'Neo4j Bolt'],
  [8529, 'ArangoDB'],
  [26257, 'CockroachDB'],
  [8123, 'ClickHouse HTTP'],
  [2379, 'etcd'],
  [2380, 'etcd peer'],
  [8500, 'Consul'],
  [5672, 'RabbitMQ (AMQP)'],
  [15672, 'RabbitMQ management'],
  [9092, 'Kafka'],
  [2181, 'ZooKeeper'],
  [4222, 'NATS'],
  [1883, 'MQTT broker'],
  [61616, 'ActiveMQ'],
  [8161, 'ActiveMQ console'],
  [6443, 'Kubernetes API'],
  [10250, 'kubelet API'],
  [2375, 'Docker daemon (no TLS)'],
  [9229, 'Node.js inspector (debugger)'],
  [5005, 'Java debugger (JDWP)'],
  [5678, 'Python debugger (debugpy)'],
  [2345, 'Go debugger (Delve)'],
]);

/** The first private service whose port lies in [first, last]; undefined when none does. */
export function privateService(range: [number, number]): { port: number; what: string } | undefined {
  for (const [port, what] of PRIVATE_PORTS) if (port >= range[0] && port <= range[1]) return { port, what };
  return undefined;
}

/** Docker's unencrypted daemon port. */
export const DOCKER_PLAIN_PORT = 2375;
