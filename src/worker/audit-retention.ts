/**
 * Audit retention: prune on every worker start and once a day (chrome.alarms survive worker
 * restarts; a setInterval would not). The listener is registered synchronously at start-up, as
 * MV3 requires for events that wake the worker.
 */
import { browser } from 'wxt/browser';

export const PRUNE_ALARM = 'kakunin:prune-audit';
const DAY_MINUTES = 24 * 60;

export function scheduleAuditPruning(prune: () => Promise<unknown>): void {
  const run = () => void prune().catch(() => undefined); // a failed prune is retried next time
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === PRUNE_ALARM) run();
  });
  void browser.alarms
    .get(PRUNE_ALARM)
    .then(async (existing) => {
      if (!existing) await browser.alarms.create(PRUNE_ALARM, { delayInMinutes: DAY_MINUTES, periodInMinutes: DAY_MINUTES });
    })
    .catch(() => undefined);
  run();
}
