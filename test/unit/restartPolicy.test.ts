import * as assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { CRASHES_BEFORE_GIVING_UP, CRASH_WINDOW_MS, RestartPolicy } from '../../client/src/restartPolicy';

describe('restart policy of the language client', () => {
  it('restarts at once after one crash, then waits longer after each crash that follows', () => {
    const policy = new RestartPolicy();
    const decisions = [0, 1_000, 2_000, 3_000].map((time) => policy.crashed(time));
    assert.deepEqual(decisions, [{ restartAfterMs: 0 }, { restartAfterMs: 250 }, { restartAfterMs: 500 }, { restartAfterMs: 1_000 }]);
  });

  it(`gives up at the ${CRASHES_BEFORE_GIVING_UP}th crash within the window`, () => {
    const policy = new RestartPolicy();
    for (let crash = 1; crash < CRASHES_BEFORE_GIVING_UP; crash++) assert.notEqual(policy.crashed(crash), 'give-up');
    assert.equal(policy.crashed(CRASHES_BEFORE_GIVING_UP), 'give-up');
  });

  it('forgets crashes older than the window', () => {
    const policy = new RestartPolicy();
    for (let crash = 1; crash < CRASHES_BEFORE_GIVING_UP; crash++) policy.crashed(crash);
    assert.deepEqual(policy.crashed(CRASH_WINDOW_MS + CRASHES_BEFORE_GIVING_UP), { restartAfterMs: 0 });
  });

  it('starts from a clean slate after a restart the user asked for', () => {
    const policy = new RestartPolicy();
    for (let crash = 1; crash < CRASHES_BEFORE_GIVING_UP; crash++) policy.crashed(crash);
    policy.reset();
    assert.deepEqual(policy.crashed(100), { restartAfterMs: 0 });
  });
});
