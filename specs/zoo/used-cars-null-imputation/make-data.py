#!/usr/bin/env python3
"""Writes data.csv: 500 used-car listings from the marketplace; dealers often leave mileage or owners blank."""
import csv
import random
from datetime import date, timedelta

MAKES = ["VW", "VW", "BMW", "Toyota", "Toyota", "Ford", "Renault", "Fiat", "Tesla"]
rng = random.Random(8080)

with open("data.csv", "w", newline="") as f:
    out = csv.writer(f, lineterminator="\n")
    out.writerow(["listing_id", "listed_on", "make", "model_year", "mileage_km", "asking_price_eur", "fuel", "owners", "sold_within_30d"])
    for i in range(500):
        make = rng.choice(MAKES)
        year = rng.randint(2006, 2023)
        mileage = max(500, int(rng.gauss(15000, 5000) * (2024 - year)))
        fuel = "electric" if make == "Tesla" else rng.choice(["petrol", "petrol", "diesel", "hybrid"])
        price = round(max(900, 32000 * 0.87 ** (2024 - year) * rng.uniform(0.8, 1.2)), -1)
        out.writerow([
            f"L{400000 + i}", (date(2024, 1, 1) + timedelta(days=rng.randrange(0, 300))).isoformat(), make, year,
            "" if rng.random() < 0.12 else mileage, price, fuel, "" if rng.random() < 0.2 else rng.choice([1, 1, 2, 2, 3, 4]),
            int(rng.random() < 0.3 + (0.15 if price < 8000 else 0)),
        ])
