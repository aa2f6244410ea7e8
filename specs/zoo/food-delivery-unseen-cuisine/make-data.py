#!/usr/bin/env python3
"""Writes data.csv: 400 food-delivery orders (March 2024) with a late-delivery label (deterministic)."""
import csv
import random
from datetime import datetime, timedelta, timezone

CUISINES = ["pizza", "pizza", "sushi", "burger", "burger", "thai", "indian", "mexican", "salad"]
rng = random.Random(606)

with open("data.csv", "w", newline="") as f:
    out = csv.writer(f, lineterminator="\n")
    out.writerow(["order_id", "placed_at", "cuisine", "basket_eur", "distance_km", "courier_type", "raining", "late"])
    for i in range(400):
        placed = datetime(2024, 3, 1, 10, tzinfo=timezone.utc) + timedelta(days=rng.randrange(31), minutes=rng.randrange(0, 13 * 60))
        distance = round(rng.uniform(0.3, 9.5), 2)
        courier = "bike" if distance < 3 else rng.choice(["scooter", "scooter", "car"])
        raining = rng.random() < 0.3
        late = int(rng.random() < 0.08 + distance / 40 + (0.1 if raining else 0))
        out.writerow([f"FD-{i + 1:05d}", placed.strftime("%Y-%m-%dT%H:%M:%SZ"), rng.choice(CUISINES),
                      round(rng.uniform(9, 85), 2), distance, courier, str(raining).lower(), late])
