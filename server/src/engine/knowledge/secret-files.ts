/**
 * Official images whose entrypoint reads `<VAR>_FILE` instead of `<VAR>`: for them a secret moves to a file
 * without touching the application (`POSTGRES_PASSWORD_FILE: /run/secrets/postgres_password`).
 * Only the variables their entrypoints document are listed.
 */
const FILE_VARIABLES = new Map<string, Set<string>>([
  ['postgres', new Set(['POSTGRES_PASSWORD', 'POSTGRES_USER', 'POSTGRES_DB', 'POSTGRES_INITDB_ARGS'])],
  ['mysql', new Set(['MYSQL_ROOT_PASSWORD', 'MYSQL_PASSWORD', 'MYSQL_USER', 'MYSQL_DATABASE', 'MYSQL_ROOT_HOST'])],
  // Percona Server's image documents the same five variables as mysql's.
  ['percona', new Set(['MYSQL_ROOT_PASSWORD', 'MYSQL_PASSWORD', 'MYSQL_USER', 'MYSQL_DATABASE', 'MYSQL_ROOT_HOST'])],
  [
    'mariadb',
    new Set([
      'MARIADB_ROOT_PASSWORD',
      'MARIADB_ROOT_PASSWORD_HASH',
      'MARIADB_ROOT_HOST',
      'MARIADB_PASSWORD',
      'MARIADB_PASSWORD_HASH',
      'MARIADB_USER',
      'MARIADB_DATABASE',
      'MYSQL_ROOT_HOST',
      'MYSQL_ROOT_PASSWORD',
      'MYSQL_PASSWORD',
      'MYSQL_USER',
      'MYSQL_DATABASE',
    ]),
  ],
  ['mongo', new Set(['MONGO_INITDB_ROOT_USERNAME', 'MONGO_INITDB_ROOT_PASSWORD'])],
  [
    'wordpress',
    new Set([
      'WORDPRESS_DB_HOST',
      'WORDPRESS_DB_USER',
      'WORDPRESS_DB_PASSWORD',
      'WORDPRESS_DB_NAME',
      // The authentication keys and salts of wp-config.php, which the docs list with the same _FILE form.
      'WORDPRESS_AUTH_KEY',
      'WORDPRESS_SECURE_AUTH_KEY',
      'WORDPRESS_LOGGED_IN_KEY',
      'WORDPRESS_NONCE_KEY',
      'WORDPRESS_AUTH_SALT',
      'WORDPRESS_SECURE_AUTH_SALT',
      'WORDPRESS_LOGGED_IN_SALT',
      'WORDPRESS_NONCE_SALT',
    ]),
  ],
]);

/** True when the official image `name` reads `variable` from the file named by `variable_FILE`. */
export function supportsFileVariant(officialImage: string | undefined, variable: string): boolean {
  return officialImage !== undefined && (FILE_VARIABLES.get(officialImage.toLowerCase())?.has(variable) ?? false);
}

/** A secret name compose accepts, derived from a variable: `DB_PASSWORD` → `db_password`. */
export function secretNameFor(variable: string): string {
  return (
    variable
      .toLowerCase()
      .replace(/[^a-z0-9_.-]/g, '_')
      .replace(/^[^a-z0-9]+/, '') || 'secret'
  );
}
