import { Stack, Validations } from 'aws-cdk-lib';
import type { IConstruct } from 'constructs';

/**
 * cdk-nag 3 acknowledgements. Each one names the finding exactly and says why
 * it is accepted, so an unexpected finding still fails the synth.
 */
export function acknowledge(scope: IConstruct, id: string, reason: string): void {
  Validations.of(scope).acknowledge({ id, reason });
}

/**
 * The id cdk-nag gives an IAM wildcard on `resource` (a string that may hold
 * tokens, such as `${table.tableArn}/index/*`): `AwsSolutions-IAM5[Resource::<TableA1B2.Arn>/index/*]`.
 * Computed from the resolved value, in the same flattened form cdk-nag prints,
 * so acknowledgements follow logical-id changes instead of hard-coding them.
 */
export function wildcardResourceFinding(scope: IConstruct, resource: string): string {
  return `AwsSolutions-IAM5[Resource::${flattenReference(Stack.of(scope).resolve(resource))}]`;
}

/** cdk-nag's flattening of CloudFormation intrinsics (`utils/flatten-cfn-reference`, not exported by the package). */
function flattenReference(node: unknown): string {
  if (node === undefined) return '';
  if (typeof node === 'string') return node.replace(/\$\{/g, '<').replace(/\}/g, '>');
  if (typeof node === 'object' && node !== null) {
    const fn = node as Record<string, unknown>;
    if (Array.isArray(fn['Fn::Join'])) {
      const [delimiter, items] = fn['Fn::Join'] as [string, unknown[]];
      return items.map(flattenReference).join(delimiter);
    }
    if (fn['Fn::Sub'] !== undefined) return flattenReference(fn['Fn::Sub']);
    if (Array.isArray(fn['Fn::GetAtt'])) {
      const [resource, attribute] = fn['Fn::GetAtt'] as [unknown, unknown];
      return `<${flattenReference(resource)}.${flattenReference(attribute)}>`;
    }
    if (fn['Fn::ImportValue'] !== undefined) return flattenReference(fn['Fn::ImportValue']);
    if (fn.Ref !== undefined) return `<${flattenReference(fn.Ref)}>`;
  }
  return JSON.stringify(node);
}
