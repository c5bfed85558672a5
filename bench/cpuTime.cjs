// Preloaded (`node -r`) into each process that the whole-repository section times: at exit, writes
// the process's CPU time (user + system, every thread, in microseconds) as the last line of
// stderr, so a busy machine's waiting shows apart from the work done.
const { isMainThread } = require('node:worker_threads');

if (isMainThread) {
  process.on('exit', () => {
    const { user, system } = process.cpuUsage();
    process.stderr.write(`\nhsg-bench-cpu-us ${user + system}\n`);
  });
}
