import { ArnFormat, Stack } from 'aws-cdk-lib';
import type { ITableV2 } from 'aws-cdk-lib/aws-dynamodb';
import { PolicyStatement, Role, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import { Construct } from 'constructs';
import type { TableAccess } from '../../shared/http/route';
import { acknowledge, wildcardResourceFinding } from '../nag';

export interface FunctionRolesProps {
  table: ITableV2;
  /** Every function log group's name starts with this (e.g. `/rocu-workforce/dev/`). */
  logGroupNamePrefix: string;
}

// Explicit actions rather than grantReadData/grantReadWriteData: those include Scan, DescribeTable and
// stream reads, and no request path Scans. IAM backs up the rule the code keeps.
/** What reading takes: key lookups, batches of them, and queries of the table and its indexes. */
export const READ_ACTIONS = ['dynamodb:GetItem', 'dynamodb:BatchGetItem', 'dynamodb:Query'] as const;
/**
 * What writing adds: conditional puts, updates and deletes, singly or in a
 * TransactWriteItems (which DynamoDB authorises action by action, so its
 * ConditionChecks need ConditionCheckItem). Nothing writes in batches.
 */
export const WRITE_ACTIONS = ['dynamodb:PutItem', 'dynamodb:UpdateItem', 'dynamodb:DeleteItem', 'dynamodb:ConditionCheckItem'] as const;

/**
 * The execution roles: one per function, each holding what that function's
 * code needs and nothing else. With a handful of functions (one per
 * permission kind of API route, the scheduled jobs, the sign-in trigger) a
 * role each costs a few resources, and a role is never widened to suit a
 * function that shares it.
 */
export class FunctionRoles extends Construct {
  private readonly props: FunctionRolesProps;
  private readonly logGroupsArn: string;

  constructor(scope: Construct, id: string, props: FunctionRolesProps) {
    super(scope, id);
    this.props = props;
    this.logGroupsArn = Stack.of(this).formatArn({
      service: 'logs',
      resource: 'log-group',
      // `*` in an IAM resource also matches `:log-stream:<name>`, which PutLogEvents is authorised against.
      resourceName: `${props.logGroupNamePrefix}*`,
      arnFormat: ArnFormat.COLON_RESOURCE_NAME,
    });
  }

  /**
   * A role with the service's log permissions and the table actions of
   * `access` (none; read; read and write). Publishing is granted apart
   * (`Notifications.grantPublish`), to the outbox notifier alone.
   */
  createRole(id: string, description: string, access: TableAccess): Role {
    const role = new Role(this, id, { assumedBy: new ServicePrincipal('lambda.amazonaws.com'), description });
    // Instead of the AWSLambdaBasicExecutionRole managed policy (Resource "*"): the stack
    // creates every log group itself, so the functions only need to write streams into them.
    role.addToPolicy(new PolicyStatement({ actions: ['logs:CreateLogStream', 'logs:PutLogEvents'], resources: [this.logGroupsArn] }));
    acknowledge(
      role,
      wildcardResourceFinding(role, this.logGroupsArn),
      'Log groups are created by this stack with names under this prefix; the wildcard covers those groups and their streams, and no other log group.',
    );
    acknowledge(
      role,
      'AwsSolutions-IAM5[Resource::*]',
      'Active tracing grants xray:PutTraceSegments and xray:PutTelemetryRecords, which do not support resource-level permissions.',
    );
    if (access !== 'none') {
      const { table } = this.props;
      table.grant(role, ...READ_ACTIONS, ...(access === 'write' ? WRITE_ACTIONS : []));
      acknowledge(
        role,
        wildcardResourceFinding(role, `${table.tableArn}/index/*`),
        'CDK table grants cover the table’s own global secondary indexes (table ARN + /index/*); queries by gsi1–gsi3 need them, and the wildcard cannot reach another table.',
      );
    }
    return role;
  }
}
