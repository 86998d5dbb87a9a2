import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Template } from 'aws-cdk-lib/assertions';
import { buildApp, type BuildAppOptions } from '../../../infra/build-app';

/**
 * cdk.json's context (feature flags and default settings): a test's `new App()`
 * does not read cdk.json, and without its flags the tests would check a
 * different template from the one `cdk synth` produces.
 */
function cdkJsonContext(): Record<string, unknown> {
  const path = fileURLToPath(new URL('../../../cdk.json', import.meta.url));
  return (JSON.parse(readFileSync(path, 'utf8')) as { context: Record<string, unknown> }).context;
}

/**
 * Build the service as `cdk synth` does, minus the slow parts: no esbuild
 * bundling (`aws:cdk:bundling-stacks: []`) and no built-in CloudFormation
 * validation. cdk-nag still runs, so a synth with an unacknowledged finding throws.
 */
export function synthService(context: Record<string, unknown> = {}, options: Omit<BuildAppOptions, 'context'> = {}) {
  const built = buildApp({
    context: { ...cdkJsonContext(), 'aws:cdk:bundling-stacks': [], ...context },
    builtinCloudFormationValidation: false,
    ...options,
  });
  return { ...built, template: () => Template.fromStack(built.stack) };
}

type Resource = { Type: string; Properties?: Record<string, any>; [key: string]: unknown };

/** The template's resources of one type, keyed by logical id. */
export function resourcesOfType(template: Template, type: string): Record<string, Resource> {
  return template.findResources(type) as Record<string, Resource>;
}
