import { config, resetConfig, type NotifyConfig } from '../config';

export { LOCAL_SENDER, type NotifyConfig } from '../config';

/** Where domain events and their emails go: the `notify` part of the runtime configuration (`shared/config.ts`). */
export function notifyConfig(): NotifyConfig {
  return config().notify;
}

/** Tests that change the notify settings between cases call this; the configuration is read again on next use. */
export function resetNotifyConfig(): void {
  resetConfig();
}
