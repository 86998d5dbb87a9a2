import { ArnFormat, Stack } from 'aws-cdk-lib';
import type { ITableV2 } from 'aws-cdk-lib/aws-dynamodb';
import { type IRole, PolicyStatement, Role, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import { Construct } from 'constructs';
import type { TableAccess } from '../../shared/http/route';
import { acknowledge, wildcardResourceFinding } from '../nag';
import type { Notifications } from './notifications';

export interface FunctionRolesProps {
  table: ITableV2;
  /** Every function log group's name starts with this (e.g. `/rocu-workforce/dev/`). */
  logGroupNamePrefix: string;
  /** Grants the notifying roles their bus and SES permissions. */
  notifications: Notifications;
}

/** A shared role: a table-access mode, and whether its functions publish domain events. */
export type RoleKind = TableAccess | 'read-notify' | 'write-notify';

// Explicit actions rather than grantReadData/grantReadWriteData: those include Scan and
// stream reads, and no request path may Scan. IAM backs up the rule the code keeps.
const READ_ACTIONS = ['dynamodb:GetItem', 'dynamodb:BatchGetItem', 'dynamodb:Query', 'dynamodb:ConditionCheckItem', 'dynamodb:DescribeTable'];
const WRITE_ACTIONS = ['dynamodb:PutItem', 'dynamodb:UpdateItem', 'dynamodb:DeleteItem', 'dynamodb:BatchWriteItem'];

const DESCRIPTIONS: Record<RoleKind, string> = {
  none: 'Functions that do not touch the table',
  read: 'Functions that only read the table',
  write: 'Functions that read and write the table',
  'read-notify': 'Functions that read the table and publish domain events (EventBridge, SES)',
  'write-notify': 'Functions that read and write the table and publish domain events (EventBridge, SES)',
};

/**
 * One execution role per kind (table-access mode, plus whether the function
 * notifies), shared by every function of that kind. A role per function would
 * add two CloudFormation resources per route (role and policy), and with ~60
 * routes the stack would run into CloudFormation's 500-resource limit; the
 * permissions of functions of the same kind are identical anyway. Notifying
 * roles are made when a route first needs one. Scheduled jobs get a role of
 * their own (`createRole`), because their failure queue is theirs alone.
 */
export class FunctionRoles extends Construct {
  private readonly roles = new Map<RoleKind, Role>();
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
    for (const kind of ['none', 'read', 'write'] as const) this.roles.set(kind, this.createRole(`${pascal(kind)}Role`, DESCRIPTIONS[kind], kind, false));
  }

  /** The shared role for a function with this access to the table, publishing domain events or not. */
  forAccess(access: TableAccess, notifies = false): IRole {
    if (!notifies) return this.roles.get(access)!;
    // Publishing reads the contacts directory from the table.
    if (access === 'none') throw new Error('A function that notifies reads the contacts directory: give it read or write access to the table.');
    const kind: RoleKind = `${access}-notify`;
    let role = this.roles.get(kind);
    if (!role) {
      role = this.createRole(`${pascal(kind)}Role`, DESCRIPTIONS[kind], access, true);
      this.roles.set(kind, role);
    }
    return role;
  }

  /**
   * A role with the service's log permissions, the table actions of `access`
   * and, when `notifies`, the bus and SES grants. The shared roles are made
   * with it; a function that needs grants of its own (a scheduled job and its
   * failure queue) gets a role of its own from it.
   */
  createRole(id: string, description: string, access: TableAccess, notifies: boolean): Role {
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
    if (notifies) this.props.notifications.grantPublish(role);
    return role;
  }
}

function pascal(slug: string): string {
  return slug
    .split('-')
    .map((part) => part.charAt(0).toUpperCase() + part.slice(1))
    .join('');
}
