// Return-risk features at checkout. The order arrives as JSON; line items are summed as the cart service
// stores them (last added first), so totals can differ from the batch job in the last bits.
const http = require('node:http');

const isLineItem = (item) =>
  typeof item === 'object' && item !== null && !Array.isArray(item) &&
  typeof item.unit_price === 'number' && item.unit_price >= 0 && Number.isInteger(item.qty) && item.qty >= 1;

function problemWith(order) {
  const { items, discount, shipping_fee: shipping } = order;
  if (!Array.isArray(items) || items.length === 0) return 'items must be a non-empty list';
  if (!items.every(isLineItem)) return 'every item needs unit_price >= 0 and a whole qty >= 1';
  if (discount !== null && !(typeof discount === 'number' && discount >= 0 && discount < 1)) return 'discount out of range';
  if (!(typeof shipping === 'number' && shipping >= 0)) return 'shipping_fee must be a number >= 0';
  if (typeof order.ordered_at !== 'string') return 'ordered_at must be a timestamp';
  if (typeof order.channel !== 'string') return 'channel must be a string';
  return null;
}

function features(order) {
  const basket = order.items.reduceRight((sum, item) => sum + item.unit_price * item.qty, 0);
  const units = order.items.reduceRight((sum, item) => sum + item.qty, 0);
  const discounted = basket * (1 - (order.discount ?? 0));
  const at = new Date(order.ordered_at);
  return {
    basket_value: basket,
    basket_log: Math.log(1 + basket),
    n_units: units,
    avg_unit_price: basket / units,
    discounted_value: discounted,
    shipping_share: order.shipping_fee / (discounted + order.shipping_fee),
    order_hour: at.getUTCHours(),
    is_weekend: [0, 6].includes(at.getUTCDay()),
    is_app: order.channel === 'app',
    is_store: order.channel === 'store',
  };
}

const server = http.createServer(async (req, res) => {
  const reply = (status, body) => res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
  if (req.url === '/healthz') return reply(200, { status: 'ok' });
  if (req.method !== 'POST' || req.url !== '/features') return reply(404, { error: 'no such route' });
  let text = '';
  for await (const chunk of req) text += chunk;
  let order;
  try {
    order = JSON.parse(text);
  } catch {
    return reply(400, { error: 'invalid JSON' });
  }
  const problem = problemWith(order);
  if (problem) return reply(400, { error: problem, order_id: order.order_id });
  reply(200, { features: features(order) });
});
server.listen(Number(process.env.PORT), '127.0.0.1');
