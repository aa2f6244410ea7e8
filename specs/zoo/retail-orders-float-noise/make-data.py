#!/usr/bin/env python3
"""Writes data.jsonl: 300 web-shop orders with their line items, as exported from the order service."""
import json
import random
from datetime import datetime, timedelta, timezone

CATALOGUE = {"SKU-TEE": 19.99, "SKU-HOODIE": 54.5, "SKU-CAP": 14.25, "SKU-SOCKS": 7.99, "SKU-JACKET": 129.0,
             "SKU-MUG": 11.49, "SKU-POSTER": 9.95, "SKU-BAG": 34.9}
rng = random.Random(7331)
start = datetime(2024, 1, 1, tzinfo=timezone.utc)

with open("data.jsonl", "w") as f:
    for i in range(300):
        skus = rng.sample(sorted(CATALOGUE), rng.randint(1, 5))
        items = [{"sku": s, "unit_price": CATALOGUE[s], "qty": rng.choice([1, 1, 1, 2, 3])} for s in skus]
        order = {
            "order_id": f"O-{10001 + i}",
            "customer_id": f"C{rng.randint(1, 140):04d}",
            "ordered_at": (start + timedelta(seconds=rng.randrange(0, 365 * 86400))).strftime("%Y-%m-%dT%H:%M:%SZ"),
            "channel": rng.choice(["web", "web", "app", "store"]),
            "items": items,
            "discount": None if rng.random() < 0.7 else rng.choice([0.05, 0.1, 0.15, 0.2]),
            "shipping_fee": 0.0 if rng.random() < 0.3 else rng.choice([3.95, 4.99, 6.5]),
            "returned": rng.random() < 0.12 + 0.1 * len(items) / 5,
        }
        f.write(json.dumps(order) + "\n")
