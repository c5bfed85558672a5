// Preloaded into the server (`node --require trap.cjs dist/server.js --stdio`): records every
// network connection, child process, worker and module load outside Node's built-ins to the file
// named by HSG_TRAP_LOG, one JSON line each, then lets the call proceed (the workspace's marker
// files are the second witness). Plain CommonJS: it runs before anything else, without tsx.
'use strict';
const fs = require('node:fs');
const Module = require('node:module');
const net = require('node:net');
const dns = require('node:dns');
const childProcess = require('node:child_process');
const workerThreads = require('node:worker_threads');

const logFile = process.env.HSG_TRAP_LOG;
if (!logFile) throw new Error('trap.cjs needs HSG_TRAP_LOG');

function record(kind, detail) {
  fs.appendFileSync(logFile, JSON.stringify({ kind, detail: String(detail).slice(0, 300) }) + '\n');
}

const connect = net.Socket.prototype.connect;
net.Socket.prototype.connect = function trappedConnect(...args) {
  const target = args[0];
  record('net.Socket.connect', typeof target === 'object' && target !== null ? JSON.stringify({ host: target.host, port: target.port, path: target.path }) : target);
  return connect.apply(this, args);
};

const lookup = dns.lookup;
dns.lookup = function trappedLookup(...args) {
  record('dns.lookup', args[0]);
  return lookup.apply(this, args);
};

for (const name of ['spawn', 'spawnSync', 'exec', 'execSync', 'execFile', 'execFileSync', 'fork']) {
  const original = childProcess[name];
  childProcess[name] = function trappedChildProcess(...args) {
    record(`child_process.${name}`, args[0]);
    return original.apply(this, args);
  };
}

const Worker = workerThreads.Worker;
workerThreads.Worker = class TrappedWorker extends Worker {
  constructor(...args) {
    record('worker_threads.Worker', args[0]);
    super(...args);
  }
};

// The main script is the one load expected; everything else the bundle needs is built in.
const load = Module._load;
Module._load = function trappedLoad(request, parent, isMain) {
  if (!isMain && !Module.isBuiltin(request)) {
    let resolved = request;
    try {
      resolved = Module._resolveFilename(request, parent, isMain);
    } catch {
      // Unresolvable: still a load attempt worth recording under its request.
    }
    record('Module._load', resolved);
  }
  return load.apply(this, arguments);
};

// Proof that the trap is in place in the process under test.
record('ready', process.pid);
