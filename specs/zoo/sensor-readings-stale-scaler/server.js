// Edge gateway scoring service: pump telemetry in, model inputs out (wrapped with the scaler version used).
const http = require('node:http');

const SCALER_VERSION = '2024-Q1';
const SCALER = {
  vibration_rms: { mean: 2.1012, std: 0.5874 },
  bearing_temp_c: { mean: 60.9, std: 4.12 },
};

const scale = (value, column) => (value - SCALER[column].mean) / SCALER[column].std;

function featuresOf(r) {
  return {
    vibration_z: scale(r.vibration_rms, 'vibration_rms'),
    bearing_temp_z: scale(r.bearing_temp_c, 'bearing_temp_c'),
    pressure_kpa: r.pressure_kpa ?? 300,
    rpm_k: r.rpm / 1000,
    hour_utc: new Date(r.recorded_at).getUTCHours(),
    firmware_major: parseInt(r.firmware, 10),
  };
}

const server = http.createServer((req, res) => {
  if (req.url === '/healthz') return res.writeHead(200).end('ok');
  let body = '';
  req.on('data', (d) => (body += d));
  req.on('end', () => {
    try {
      const reading = JSON.parse(body);
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ data: { features: featuresOf(reading) }, scaler: SCALER_VERSION }));
    } catch (e) {
      res.writeHead(500, { 'content-type': 'application/json' }).end(JSON.stringify({ error: e.message }));
    }
  });
});
server.listen(Number(process.env.PORT), '127.0.0.1');
