/**
 * Runs after every cloud test file: each query shape the handlers issued (recorded by makeWorld's
 * database proxy, test/cloud/query-shapes.ts) must be served by an index declared in
 * cloud/lib/indexes.ts, on a collection declared there. The deploy creates exactly those indexes, so
 * a query added without its index fails here instead of scanning a whole collection in production.
 */
import { appendFileSync } from 'node:fs';
import { COLLECTIONS, indexFor } from '../../../cloud/lib/indexes';
import { recordedShapes } from '../query-shapes';

/** Collections that exist only in tests (a made-up scan kind), never deployed. */
const TEST_ONLY_COLLECTIONS = new Set(['fakeTickets']);

afterAll(() => {
  // QUERY_SHAPES_OUT=<file> appends every shape seen (one JSON a line), to review what the handlers ask.
  if (process.env.QUERY_SHAPES_OUT)
    appendFileSync(
      process.env.QUERY_SHAPES_OUT,
      [...recordedShapes.values()].map((s) => `${JSON.stringify(s)}\n`).join(''),
    );
  const problems: string[] = [];
  for (const shape of recordedShapes.values()) {
    if (TEST_ONLY_COLLECTIONS.has(shape.collection)) continue;
    if (!(shape.collection in COLLECTIONS)) problems.push(`${shape.collection}: collection not declared`);
    else if (!indexFor(shape))
      problems.push(
        `${shape.collection} where ${shape.where}${shape.order.length ? ` orderBy ${JSON.stringify(shape.order)}` : ''}`,
      );
  }
  recordedShapes.clear();
  if (problems.length)
    throw new Error(
      `Queries without an index (declare one in cloud/lib/indexes.ts; the deploy creates it):\n  ${problems.join('\n  ')}`,
    );
});
