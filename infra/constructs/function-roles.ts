import { ArnFormat, Stack } from 'aws-cdk-lib';
import type { ITableV2 } from 'aws-cdk-lib/aws-dynamodb';
import { type IRole, PolicyStatement, Role, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import { Construct } from 'constructs';
import type { TableAccess } from '../../shared/http/route';
import { acknowledge, wildcardResourceFinding } from '../nag';

export interface FunctionRolesProps {
  table: ITableV2;
  /** Every function log group's name starts with this (e.g. `/rocu-workforce/dev/`). */
  logGroupNamePrefix: string;
}

/**
 * One execution role per table-access mode, shared by every function with that
 * mode. A role per function would add two CloudFormation resources per route
 * (role and policy), and with ~60 routes the stack would run into CloudFormation's
 * 500-resource limit; the permissions of functions with the same mode are
 * identical anyway.
 */
export class FunctionRoles extends Construct {
  private readonly roles: Record<TableAccess, Role>;

  constructor(scope: Construct, id: string, props: FunctionRolesProps) {
    super(scope, id);
    const logGroupsArn = Stack.of(this).formatArn({
      service: 'logs',
      resource: 'log-group',
      // `*` in an IAM resource also matches `:log-stream:<name>`, which PutLogEvents is authorised against.
      resourceName: `${props.logGroupNamePrefix}*`,
      arnFormat: ArnFormat.COLON_RESOURCE_NAME,
    });

    const makeRole = (access: TableAccess, description: string): Role => {
      const role = new Role(this, `${capitalise(access)}Role`, {
        assumedBy: new ServicePrincipal('lambda.amazonaws.com'),
        description,
      });
      // Instead of the AWSLambdaBasicExecutionRole managed policy (Resource "*"): the stack
      // creates every log group itself, so the functions only need to write streams into them.
      role.addToPolicy(
        new PolicyStatement({ actions: ['logs:CreateLogStream', 'logs:PutLogEvents'], resources: [logGroupsArn] }),
      );
      acknowledge(
        role,
        wildcardResourceFinding(role, logGroupsArn),
        'Log groups are created by this stack with names under this prefix; the wildcard covers those groups and their streams, and no other log group.',
      );
      acknowledge(
        role,
        'AwsSolutions-IAM5[Resource::*]',
        'Active tracing grants xray:PutTraceSegments and xray:PutTelemetryRecords, which do not support resource-level permissions.',
      );
      return role;
    };

    const none = makeRole('none', 'Functions that do not touch the table');
    const read = makeRole('read', 'Functions that only read the table');
    const write = makeRole('write', 'Functions that read and write the table');
    // Explicit actions rather than grantReadData/grantReadWriteData: those include Scan and
    // stream reads, and no request path may Scan. IAM backs up the rule the code keeps.
    const readActions = ['dynamodb:GetItem', 'dynamodb:BatchGetItem', 'dynamodb:Query', 'dynamodb:ConditionCheckItem', 'dynamodb:DescribeTable'];
    const writeActions = ['dynamodb:PutItem', 'dynamodb:UpdateItem', 'dynamodb:DeleteItem', 'dynamodb:BatchWriteItem'];
    props.table.grant(read, ...readActions);
    props.table.grant(write, ...readActions, ...writeActions);

    const indexesArn = `${props.table.tableArn}/index/*`;
    for (const role of [read, write]) {
      acknowledge(
        role,
        wildcardResourceFinding(role, indexesArn),
        'CDK table grants cover the table’s own global secondary indexes (table ARN + /index/*); queries by gsi1–gsi3 need them, and the wildcard cannot reach another table.',
      );
    }
    this.roles = { none, read, write };
  }

  /** The role for a function with this access to the table. */
  forAccess(access: TableAccess): IRole {
    return this.roles[access];
  }
}

function capitalise(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1);
}
