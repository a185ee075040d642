import { Kind, parse, print, visit, type OperationDefinitionNode } from 'graphql';

/**
 * The same query with `analyze: true` on each root field: ShipHero answers its complexity
 * without running it, which is how an operation of unknown cost is priced before it is sent.
 * Mutations have no such argument; they are charged a default until their cost is known.
 */
export function analyzeVariant(document: string): string | undefined {
  const ast = parse(document);
  const operation = ast.definitions.find(
    (definition): definition is OperationDefinitionNode =>
      definition.kind === Kind.OPERATION_DEFINITION,
  );
  if (!operation || operation.operation !== 'query') return undefined;
  const rootFields = new Set(operation.selectionSet.selections);
  return print(
    visit(ast, {
      Field(node) {
        if (!rootFields.has(node)) return undefined;
        return {
          ...node,
          arguments: [
            ...(node.arguments ?? []).filter((argument) => argument.name.value !== 'analyze'),
            {
              kind: Kind.ARGUMENT,
              name: { kind: Kind.NAME, value: 'analyze' },
              value: { kind: Kind.BOOLEAN, value: true },
            },
          ],
        };
      },
    }),
  );
}
