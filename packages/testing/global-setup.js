// Starts PostgreSQL and Redis when they are not answering (fresh machines, CI). Each test file
// then works in its own database schema and queue prefix (see src/database.ts, src/redis.ts).
const { execSync } = require('node:child_process');
const net = require('node:net');

function reachable(port) {
  return new Promise((resolve) => {
    const socket = net.connect({ host: '127.0.0.1', port });
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

async function waitFor(port, name) {
  for (let i = 0; i < 60; i++) {
    if (await reachable(port)) return;
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`${name} did not start on port ${port}`);
}

const services = [
  {
    name: 'PostgreSQL',
    port: 5432,
    start: 'pg_ctlcluster --skip-systemctl-redirect $(ls /etc/postgresql) main start',
  },
  {
    name: 'Redis',
    port: 6379,
    start:
      'redis-server --daemonize yes --bind 127.0.0.1 -::1 --port 6379 --save "" --appendonly no --dir /var/lib/redis --logfile /var/log/redis/ci.log',
  },
];

module.exports = async function globalSetup() {
  for (const service of services) {
    if (await reachable(service.port)) continue;
    execSync(service.start, { stdio: 'inherit', shell: '/bin/bash' });
    await waitFor(service.port, service.name);
  }
};
