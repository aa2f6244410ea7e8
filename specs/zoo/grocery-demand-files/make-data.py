#!/usr/bin/env python3
"""Writes data.csv: 500 store/SKU/day rows from the 2024 POS extract for the demand-forecast model (deterministic).

One row per store, SKU and trading day. The POS feed sometimes drops the shelf price (blank), and units_sold is
fractional for SKUs sold by weight.
"""
import csv
import random
from datetime import date, timedelta

STORES = ["S01", "S02", "S03", "S04"]
LIST_PRICE = {"MLK-1L": 1.19, "BRD-WHT": 2.49, "BAN-KG": 1.79, "EGG-12": 3.29, "YOG-500": 1.99, "COF-250": 5.49, "OLV-500": 7.99, "SAL-200": 12.49}
BY_WEIGHT = {"BAN-KG"}

rng = random.Random(2024_07)
days = [date(2024, 1, 1) + timedelta(days=d) for d in range(366)]
combos = rng.sample([(s, k, d) for s in STORES for k in LIST_PRICE for d in days], 500)
combos.sort(key=lambda c: (c[2], c[0], c[1]))

with open("data.csv", "w", newline="") as f:
    out = csv.writer(f, lineterminator="\n")
    out.writerow(["store_id", "sku", "date", "price", "promo", "units_sold"])
    for store, sku, day in combos:
        promo = int(rng.random() < 0.2)
        price = round(LIST_PRICE[sku] * (0.8 if promo else rng.choice([1, 1, 1, 0.95, 1.05])), 2)
        base = 40 / LIST_PRICE[sku] ** 0.7 * (1.35 if day.weekday() >= 5 else 1.0) * (1.6 if promo else 1.0)
        units = max(0.0, rng.gauss(base, base * 0.25))
        units = round(units, 1) if sku in BY_WEIGHT else float(round(units))
        out.writerow([store, sku, day.isoformat(), "" if rng.random() < 0.06 else price, promo, units])
