import { ArnFormat, Stack } from 'aws-cdk-lib';
import { EventBus } from 'aws-cdk-lib/aws-events';
import { PolicyStatement, type Role } from 'aws-cdk-lib/aws-iam';
import { Construct } from 'constructs';
import { acknowledge, wildcardResourceFinding } from '../nag';

export interface NotificationsProps {
  stage: string;
  /** From address of the emails; a verified SES identity that the stack does not create (it needs DNS). */
  senderEmail: string;
  /** The web UI, for links in the emails. */
  appUrl: string;
}

/**
 * How the service tells people about changes: its own EventBridge bus (other
 * systems subscribe with rules on source `rocu-workforce`) and SES emails to
 * the contacts of each audience. Only the outbox notifier gets `grantPublish`
 * and `environment`; every other function gets neither (and `NOTIFY_MODE=off`).
 */
export class Notifications extends Construct {
  readonly bus: EventBus;
  readonly senderEmail: string;
  /** The notify settings `shared/config.ts` reads in a function that publishes. */
  readonly environment: Record<string, string>;

  constructor(scope: Construct, id: string, props: NotificationsProps) {
    super(scope, id);
    this.senderEmail = props.senderEmail;
    this.bus = new EventBus(this, 'Bus', {
      eventBusName: `rocu-workforce-${props.stage}`,
      description: 'Domain events of the NCA–ROCU workforce service (alerts raised, escalated, decided; campaigns; offers).',
    });
    this.environment = { NOTIFY_MODE: 'aws', EVENT_BUS_NAME: this.bus.eventBusName, SENDER_EMAIL: props.senderEmail, APP_URL: props.appUrl };
  }

  /** Let a role put events on the bus and send email from the sender address, and nothing else. */
  grantPublish(role: Role): void {
    this.bus.grantPutEventsTo(role);
    const identities = Stack.of(this).formatArn({ service: 'ses', resource: 'identity', resourceName: '*', arnFormat: ArnFormat.SLASH_RESOURCE_NAME });
    role.addToPolicy(
      new PolicyStatement({
        actions: ['ses:SendEmail'],
        resources: [identities],
        // The From address is pinned whatever identity SES authorises the call against.
        conditions: { StringEquals: { 'ses:FromAddress': this.senderEmail } },
      }),
    );
    acknowledge(
      role,
      wildcardResourceFinding(role, identities),
      'SES authorises SendEmail against the sender identity (address or domain, whichever is verified) and, in the SES sandbox, against each recipient identity too, so no single identity ARN works in every account state; the ses:FromAddress condition pins the From address to the configured sender.',
    );
  }
}
