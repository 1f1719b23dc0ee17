"""Runs the DuckDB statements of docs/scale-out.md, as written there, over exported Parquet
files and prints the figures as JSON in the shape of `leash report --format json`.

Usage: python3 scale_out_duckdb.py DOC SESSIONS.parquet DECISIONS.parquet
"""
import json
import re
import sys

import duckdb

doc, sessions, decisions = sys.argv[1:4]
blocks = re.findall(r"```sql\n(.*?)```", open(doc, encoding="utf-8").read(), re.S)
con = duckdb.connect()
results = {}
for sql in blocks:
    if "USING parquet" in sql:  # the Spark views
        continue
    sql = sql.replace("'sessions.parquet'", "'" + sessions + "'")
    sql = sql.replace("'decisions.parquet'", "'" + decisions + "'")
    first = sql.strip().splitlines()[0]
    if first.startswith("-- "):
        cur = con.execute(sql)
        names = [d[0] for d in cur.description]
        results[first[3:].strip()] = [dict(zip(names, row)) for row in cur.fetchall()]
    else:
        con.execute(sql)

o = results["overall"][0]
def num(v):
    return None if v is None else float(v)
report = {
    "sessions": o["sessions"],
    "turns": int(o["turns"] or 0),
    "actions": int(o["actions"] or 0),
    "decisions": {
        "planning": {"human": int(o["planning_human"] or 0), "agent": int(o["planning_agent"] or 0)},
        "execution": {"human": int(o["execution_human"] or 0), "agent": int(o["execution_agent"] or 0)},
    },
    "turns_per_session": {"mean": num(o["turns_per_session_mean"]), "median": num(o["turns_per_session_median"])},
    "actions_per_prompt": {
        "mean": num(o["actions_per_prompt_mean"]),
        "median_session": num(o["actions_per_prompt_median_session"]),
        "share_sessions_over_100": num(o["actions_per_prompt_share_sessions_over_100"]),
    },
    "words_per_turn": {"mean": num(o["words_per_turn_mean"])},
    "verified_success_rate": num(o["verified_success_rate"]),
    "planning_human_share": {
        "pooled": num(o["planning_human_share_pooled"]),
        "median_session": num(o["planning_human_share_median_session"]),
    },
    "execution_human_share": {
        "pooled": num(o["execution_human_share_pooled"]),
        "median_session": num(o["execution_human_share_median_session"]),
    },
    "by_expertise": {
        r["expertise_name"]: {k: (num(v) if k != "sessions" else v) for k, v in r.items() if k != "expertise_name"}
        for r in results["by_expertise"]
    },
    "regimes": {
        r["regime"]: {"sessions": r["sessions"], "actions_per_prompt": num(r["actions_per_prompt"])}
        for r in results["regimes"]
    },
}
json.dump(report, sys.stdout, indent=1)
