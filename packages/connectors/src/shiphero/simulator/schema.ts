import { buildSchema, type GraphQLSchema } from 'graphql';
import { SHIPHERO_INPUTS_SDL } from './sdl-inputs';
import { SHIPHERO_OBJECTS_SDL } from './sdl-objects';
import { SHIPHERO_PRODUCTS_SDL } from './sdl-products';
import { SHIPHERO_ROOTS_SDL } from './sdl-roots';

/**
 * Our subset of ShipHero's public schema, pruned from ShipHero's own SDL: every type, field and
 * argument kept agrees with ShipHero's in name, type and nullability, so a document the subset
 * refuses ShipHero refuses too, with the same graphql-js validation message.
 */
export const SHIPHERO_SUBSET_SDL = [
  SHIPHERO_ROOTS_SDL,
  SHIPHERO_OBJECTS_SDL,
  SHIPHERO_PRODUCTS_SDL,
  SHIPHERO_INPUTS_SDL,
]
  .map((part) => part.trim())
  .join('\n\n');

let built: GraphQLSchema | undefined;

/** Built once: the schema carries no resolvers (they come with the root value), so it is shared. */
export function shipHeroSubsetSchema(): GraphQLSchema {
  built ??= buildSchema(SHIPHERO_SUBSET_SDL);
  return built;
}
