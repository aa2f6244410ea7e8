#!/usr/bin/env python3
"""Daily demand features per store and SKU: the batch step of the nightly forecast training job.

    python3 features.py --input pos_extract.csv --output features.csv

Reads the POS extract (store_id, sku, date, price, promo, ...; other columns such as the label are passed over),
validates every row before writing anything, and writes one feature row per input row, in input order, keyed by
store_id, sku and date. A blank price (the POS feed dropped it) is filled with the SKU's catalogue price.
The pricing service computes the same features at request time (server.js).
"""
import argparse
import bisect
import csv
import math
import re
from datetime import date

LIST_PRICE = {"MLK-1L": 1.19, "BRD-WHT": 2.49, "BAN-KG": 1.79, "EGG-12": 3.29, "YOG-500": 1.99, "COF-250": 5.49, "OLV-500": 7.99, "SAL-200": 12.49}
PRICE_BAND_EDGES = [1.0, 2.5, 5.0, 10.0]  # bands 0..4: <1, 1-2.5, 2.5-5, 5-10, 10+
REQUIRED = ["store_id", "sku", "date", "promo"]
STORE_ID = re.compile(r"S[0-9]{2}")
ISO_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
OUTPUT = ["store_id", "sku", "date", "day_of_week", "is_weekend", "price_filled", "price_imputed", "price_band", "promo_price"]


def parse_row(line, rec):
    where = f"line {line}"
    if not STORE_ID.fullmatch(rec["store_id"]):
        raise ValueError(f"{where}: bad store_id {rec['store_id']!r}")
    if rec["sku"] not in LIST_PRICE:
        raise ValueError(f"{where}: unknown sku {rec['sku']!r}")
    if not ISO_DATE.fullmatch(rec["date"]):
        raise ValueError(f"{where}: date must be YYYY-MM-DD, got {rec['date']!r}")
    day = date.fromisoformat(rec["date"])  # ValueError on a day off the calendar
    if rec["promo"] not in ("0", "1"):
        raise ValueError(f"{where}: promo must be 0 or 1, got {rec['promo']!r}")
    raw_price = rec.get("price") or ""  # the price column is optional in the extract
    price = None
    if raw_price != "":
        price = float(raw_price)
        if not math.isfinite(price) or price <= 0:
            raise ValueError(f"{where}: price must be a positive number, got {raw_price!r}")
    return {"store_id": rec["store_id"], "sku": rec["sku"], "date": day, "price": price, "promo": rec["promo"] == "1"}


def features(row):
    weekday = row["date"].weekday()
    price = row["price"] if row["price"] is not None else LIST_PRICE[row["sku"]]
    return {
        "store_id": row["store_id"],
        "sku": row["sku"],
        "date": row["date"].isoformat(),
        "day_of_week": weekday,
        "is_weekend": 1 if weekday >= 5 else 0,
        "price_filled": price,
        "price_imputed": 1 if row["price"] is None else 0,
        "price_band": bisect.bisect_right(PRICE_BAND_EDGES, price),
        "promo_price": price if row["promo"] else 0.0,
    }


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--input", required=True, help="POS extract, CSV with a header")
    parser.add_argument("--output", required=True, help="where to write the feature CSV")
    args = parser.parse_args()

    with open(args.input, newline="", encoding="utf-8") as f:
        reader = csv.DictReader(f)
        missing = [name for name in REQUIRED if name not in (reader.fieldnames or [])]
        if missing:
            raise ValueError(f"{args.input}: missing column(s) {', '.join(missing)}")
        records = list(reader)
    print(f"read {len(records)} rows from {args.input}")

    rows = [parse_row(i + 2, rec) for i, rec in enumerate(records)]
    print(f"validated {len(rows)} rows ({sum(r['price'] is None for r in rows)} without a price)")

    with open(args.output, "w", newline="", encoding="utf-8") as f:
        out = csv.DictWriter(f, fieldnames=OUTPUT)
        out.writeheader()
        for row in rows:
            out.writerow(features(row))
    print(f"wrote {len(rows)} feature rows to {args.output}")


if __name__ == "__main__":
    main()
