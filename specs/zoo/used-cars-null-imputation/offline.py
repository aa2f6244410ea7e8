#!/usr/bin/env python3
"""Listing features for the time-to-sell model. Missing mileage is imputed with the training median."""
import json
import math
import sys
from datetime import date

MAKES = ["VW", "BMW", "Toyota", "Ford", "Renault", "Fiat", "Tesla"]
MILEAGE_MEDIAN = 123131  # median of the non-null training mileages, see notebooks/imputation.ipynb


def expect(value, kind, column, nullable=False):
    if value is None and nullable:
        return
    if value is None or isinstance(value, bool) or not isinstance(value, kind):
        raise TypeError(f"{column}: expected {kind}, got {value!r}")


def features(car):
    expect(car["listed_on"], str, "listed_on")
    expect(car["make"], str, "make")
    expect(car["model_year"], (int, float), "model_year")
    expect(car["mileage_km"], (int, float), "mileage_km", nullable=True)
    expect(car["asking_price_eur"], (int, float), "asking_price_eur")
    expect(car["fuel"], str, "fuel")
    expect(car["owners"], (int, float), "owners", nullable=True)
    if car["asking_price_eur"] <= 0:
        raise ValueError(f"asking_price_eur must be positive, got {car['asking_price_eur']}")

    age = max(date.fromisoformat(car["listed_on"]).year - car["model_year"], 0)
    mileage = car["mileage_km"] if car["mileage_km"] is not None else MILEAGE_MEDIAN
    return {
        "car_age": age,
        "mileage_km": mileage,
        "km_per_year": mileage / (age + 1),
        "price_log": math.log(car["asking_price_eur"]),
        "is_electric": car["fuel"] == "electric",
        "owners": car["owners"] if car["owners"] is not None else 1,
        "make_idx": MAKES.index(car["make"]) if car["make"] in MAKES else -1,
    }


listings = [json.loads(line) for line in sys.stdin]
rows = [features(car) for car in listings]
for row in rows:
    print(json.dumps(row))
