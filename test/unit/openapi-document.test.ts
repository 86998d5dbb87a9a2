import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import SwaggerParser from '@apidevtools/swagger-parser';
import openapiTS, { astToString } from 'openapi-typescript';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { buildOpenApiDocument } from '../../shared/api/openapi';

/**
 * The document other systems read (`GET /v1/openapi.json`) holds up under
 * standard tools: it validates with @apidevtools/swagger-parser (every $ref
 * resolves, the structure is OpenAPI 3.1), and openapi-typescript generates
 * a client from it that the TypeScript compiler accepts in strict mode.
 */

const fresh = () => JSON.parse(JSON.stringify(buildOpenApiDocument())) as Record<string, unknown>;

describe('the OpenAPI document is valid for standard tools', () => {
  it('has no reference left pointing at zod’s #/$defs', () => {
    expect(JSON.stringify(fresh()).match(/#\/\$defs\/[^"]*/g) ?? []).toEqual([]);
  });

  it('validates with swagger-parser, every $ref resolving', async () => {
    // swagger-parser dereferences the object it is given: a copy, so the check sees the document as served.
    await expect(SwaggerParser.validate(fresh() as never)).resolves.toBeDefined();
  });

  it('generates a TypeScript client with openapi-typescript that type-checks under strict', async () => {
    const source = astToString(await openapiTS(fresh() as never, { silent: true }));
    expect(source).toContain('operations');
    const dir = mkdtempSync(join(tmpdir(), 'openapi-client-'));
    try {
      const file = join(dir, 'api.d.ts');
      writeFileSync(file, source);
      const program = ts.createProgram([file], { strict: true, noEmit: true, skipLibCheck: false, types: [], target: ts.ScriptTarget.ES2022 });
      const problems = ts.getPreEmitDiagnostics(program).map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n'));
      expect(problems).toEqual([]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);
});
