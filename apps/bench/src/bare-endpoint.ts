import express from 'express';

/** The yardstick: Express answering a JSON POST with 202 and doing nothing else. */
const app = express();
app.post('/hook', express.json(), (_req, res) => {
  res.status(202).json({ accepted: true });
});
const server = app.listen(Number(process.env.PORT ?? 0), '127.0.0.1', () => {
  const address = server.address();
  process.stdout.write(
    `bare endpoint listening ${typeof address === 'object' && address ? address.port : ''}\n`,
  );
});
process.on('SIGTERM', () => server.close(() => process.exit(0)));
