/** Columns of `data/training.csv`, in file order. */
export const TRAINING_COLUMNS = [
  'customer_id',
  'signup_date',
  'reference_date',
  'last_login_at',
  'plan',
  'country',
  'monthly_spend',
  'sessions_last_30d',
  'support_tickets',
  'avg_session_minutes',
  'churned',
] as const;

/** One training row as generated, typed. `null` is an empty CSV cell. */
export interface TrainingRow {
  /** Key: `C` and six digits. */
  customer_id: string;
  /** `YYYY-MM-DD`, on or before `reference_date`. */
  signup_date: string;
  /** Snapshot date the row describes (2023–2025), `YYYY-MM-DD`. */
  reference_date: string;
  /** Last login before the snapshot, `YYYY-MM-DDTHH:MM:SSZ`. */
  last_login_at: string;
  /** `basic` / `standard` / `premium`, as typed by hand: padding and case vary. */
  plan: string;
  /** Two-letter code, sometimes padded or lower-case; `null` when unknown. */
  country: string | null;
  /** Currency units, two decimals, never negative in training; `null` ≈ 5 %. */
  monthly_spend: number | null;
  /** Integer; `null` ≈ 8 %. */
  sessions_last_30d: number | null;
  /** Integer ≥ 0. */
  support_tickets: number;
  /** Minutes, one decimal. */
  avg_session_minutes: number;
  /** Label: 1 if the customer churned within the following month. */
  churned: 0 | 1;
}
