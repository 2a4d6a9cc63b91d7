import type { Node } from 'yaml';
import type { ComposeModel, Service } from './compose';
import { ownsNode } from './compose-values';

/**
 * The items of one list key (`volumes`, `ports`) of every service, each once: an item shared through an anchor
 * is listed with the first service using it, and `own` says whether it is written in that service's own mapping
 * (only then may a fix edit it). The walk behind allServiceMounts and allServicePorts.
 */
export function serviceListItems<Item extends { node: Node }, Entry>(
  model: ComposeModel,
  key: string,
  read: (model: ComposeModel, value: unknown) => Item[],
  entry: (service: Service, item: Item, own: boolean) => Entry,
): Entry[] {
  const seen = new Set<Node>();
  const result: Entry[] = [];
  for (const service of model.services) {
    const pair = service.get(key);
    if (!pair) continue;
    for (const item of read(model, pair.value)) {
      if (seen.has(item.node)) continue;
      seen.add(item.node);
      result.push(entry(service, item, ownsNode(service, item.node)));
    }
  }
  return result;
}
