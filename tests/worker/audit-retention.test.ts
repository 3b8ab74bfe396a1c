// Retention runs when the worker starts and on a daily alarm that outlives the worker.
import { beforeEach, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { PRUNE_ALARM, scheduleAuditPruning } from '../../src/worker/audit-retention';

beforeEach(() => fakeBrowser.reset());

it('prunes at start, creates one daily alarm, and prunes again when it fires', async () => {
  let runs = 0;
  scheduleAuditPruning(async () => runs++);
  expect(runs).toBe(1);
  await new Promise((r) => setTimeout(r, 0));
  const alarm = await fakeBrowser.alarms.get(PRUNE_ALARM);
  expect(alarm?.periodInMinutes).toBe(24 * 60);

  // a restarted worker keeps the existing alarm rather than pushing it a day further
  const scheduled = alarm!.scheduledTime;
  scheduleAuditPruning(async () => runs++);
  await new Promise((r) => setTimeout(r, 0));
  expect((await fakeBrowser.alarms.get(PRUNE_ALARM))!.scheduledTime).toBe(scheduled);

  await fakeBrowser.alarms.onAlarm.trigger({ name: PRUNE_ALARM, scheduledTime: Date.now() });
  expect(runs).toBe(4); // two starts + the alarm seen by both workers' listeners
  await fakeBrowser.alarms.onAlarm.trigger({ name: 'something-else', scheduledTime: Date.now() });
  expect(runs).toBe(4);
});

it('a failing prune does not throw out of the worker', async () => {
  expect(() => scheduleAuditPruning(async () => Promise.reject(new Error('quota')))).not.toThrow();
  await new Promise((r) => setTimeout(r, 0));
});
