#!/usr/bin/env python3
"""A second implementation of docs/draw-format.md, written from the document alone, in Python 3 with
the standard library only (hashlib must offer SM3: OpenSSL 1.1.1 or later). It writes the test vectors
the project's own tests check the TypeScript implementation against:

    python3 packages/crypto/test-vectors/draw-reference.py > packages/crypto/test-vectors/draw-v1.json
"""
import hashlib
import json
import sys

LABEL = b"bidhall/v1/draw-drbg"


class Refused(Exception):
    def __init__(self, code, reason):
        super().__init__(f"{code}: {reason}")
        self.code = code


def sm3(*parts):
    h = hashlib.new("sm3")
    for p in parts:
        h.update(p)
    return h.digest()


def units(s):
    """Code-unit order: compare the UTF-16 code units (big-endian bytes compare the same way)."""
    return s.encode("utf-16-be", "surrogatepass")


def is_name(s):
    if not isinstance(s, str) or s == "":
        return False
    try:
        s.encode("utf-8")
    except UnicodeEncodeError:  # an unpaired surrogate
        return False
    return True


def jcs_string(s):
    out = ['"']
    for ch in s:
        o = ord(ch)
        if ch == '"':
            out.append('\\"')
        elif ch == "\\":
            out.append("\\\\")
        elif ch in "\b\f\n\r\t":
            out.append({"\b": "\\b", "\f": "\\f", "\n": "\\n", "\r": "\\r", "\t": "\\t"}[ch])
        elif o < 0x20:
            out.append("\\u%04x" % o)
        else:
            out.append(ch)
    out.append('"')
    return "".join(out)


def jcs(v):
    """RFC 8785 for strings, integers, lists and dicts with string keys."""
    if isinstance(v, bool) or v is None:
        raise ValueError("not used by draws")
    if isinstance(v, int):
        return str(v)
    if isinstance(v, str):
        return jcs_string(v)
    if isinstance(v, list):
        return "[" + ",".join(jcs(x) for x in v) + "]"
    if isinstance(v, dict):
        keys = sorted(v.keys(), key=units)
        return "{" + ",".join(jcs_string(k) + ":" + jcs(v[k]) for k in keys) + "}"
    raise ValueError(type(v))


def hjcs(v):
    return sm3(jcs(v).encode("utf-8")).hex()


def canonical_pool(pool):
    for n in pool:
        if not is_name(n):
            raise Refused("MALFORMED_INPUT", "a pool id must be a name")
    ids = sorted(pool, key=units)
    for a, b in zip(ids, ids[1:]):
        if a == b:
            raise Refused("MALFORMED_INPUT", f"pool lists {a} twice")
    return ids


def canonical_constraints(ids, constraints):
    out = {}
    excluded = set()
    for n in constraints.get("exclude", []):
        if not is_name(n):
            raise Refused("MALFORMED_INPUT", "an excluded id must be a name")
        excluded.add(n)
    if excluded:
        out["exclude"] = sorted(excluded, key=units)
    g = constraints.get("maxPerGroup")
    if g is not None:
        if not isinstance(g["max"], int) or g["max"] < 1:
            raise Refused("MALFORMED_INPUT", "max must be a positive integer")
        group_of = {}
        for n in ids:
            if n in excluded:
                continue
            if n not in g["groupOf"] or not is_name(g["groupOf"][n]):
                raise Refused("MALFORMED_INPUT", f"no group for {n}")
            group_of[n] = g["groupOf"][n]
        out["maxPerGroup"] = {"groupOf": group_of, "max": g["max"]}
    return out


def prepare(pool, count, constraints):
    ids = canonical_pool(pool)
    if not isinstance(count, int) or count < 0:
        raise Refused("MALFORMED_INPUT", "count")
    cc = canonical_constraints(ids, constraints)
    excluded = set(cc.get("exclude", []))
    eligible = [n for n in ids if n not in excluded]
    g = cc.get("maxPerGroup")
    if g is not None:
        sizes = {}
        for n in eligible:
            sizes[g["groupOf"][n]] = sizes.get(g["groupOf"][n], 0) + 1
        if sum(min(s, g["max"]) for s in sizes.values()) < count:
            raise Refused("POOL_TOO_SMALL", "group maximum")
    if len(eligible) < count:
        raise Refused("POOL_TOO_SMALL", "eligible")
    return ids, cc, eligible


class Drbg:
    def __init__(self, seed):
        if len(seed) < 16:
            raise Refused("MALFORMED_INPUT", "seed")
        self.seed = seed
        self.j = 0
        self.block = b""
        self.used = 0

    def word(self):
        if not self.block:
            self.block = sm3(LABEL, self.seed, self.j.to_bytes(8, "big"))
            self.j += 1
        w, self.block = int.from_bytes(self.block[:4], "big"), self.block[4:]
        self.used += 1
        return w


def uniform_below(n, word):
    limit = 2**32 - (2**32 % n)
    while True:
        w = word()
        if w < limit:
            return w % n


def select(seed, pool, count, constraints):
    ids, cc, candidates = prepare(pool, count, constraints)
    drbg = Drbg(seed)
    g = cc.get("maxPerGroup")
    taken = {}
    selected = []
    while len(selected) < count:
        i = uniform_below(len(candidates), drbg.word)
        n = candidates.pop(i)
        selected.append(n)
        if g is not None:
            grp = g["groupOf"][n]
            taken[grp] = taken.get(grp, 0) + 1
            if taken[grp] == g["max"]:
                candidates = [c for c in candidates if g["groupOf"][c] != grp]
    return ids, cc, selected, drbg.used


def draw_vector(name, secret, log_root, pool, count, constraints):
    seed = sm3(secret, log_root)
    ids, cc, selected, used = select(seed, pool, count, constraints)
    return {
        "name": name,
        "secret": secret.hex(),
        "commitment": sm3(secret).hex(),
        "logRoot": log_root.hex(),
        "seed": seed.hex(),
        "pool": pool,
        "count": count,
        "constraints": constraints,
        "canonicalPool": ids,
        "poolHash": hjcs(ids),
        "canonicalConstraints": cc,
        "constraintsHash": hjcs(cc),
        "selected": selected,
        "selectedHash": hjcs(selected),
        "wordsUsed": used,
    }


def label(s):
    return sm3(s.encode("utf-8"))


def main():
    experts = [f"expert-{i:03d}" for i in range(30)]
    shuffled = experts[7:] + experts[:7]
    employers = {n: f"employer-{i % 6}" for i, n in enumerate(experts)}
    employers["nobody-in-the-pool"] = "employer-9"
    strange = ["张三", "李四", "王五", "Ａ全角", "😀表情", "a\"quote", "back\\slash", "tab\there", "line\u2028sep", "Z"]
    big = [f"{(i * 7919) % 1000:03d}-供应商" for i in range(200)]
    draws = [
        draw_vector("plain: 3 of 10", label("secret 1"), label("root 1"), experts[:10][::-1], 3, {}),
        draw_vector(
            "constraints: 7 of 30, exclusions (repeated, outside the pool), at most 2 per employer",
            label("secret 2"),
            label("root 2"),
            shuffled,
            7,
            {"exclude": ["expert-003", "expert-017", "expert-003", "not-in-pool"], "maxPerGroup": {"groupOf": employers, "max": 2}},
        ),
        draw_vector(
            "constraints: at most 1 per employer empties each group as soon as it is drawn",
            label("secret 3"),
            label("root 3"),
            experts,
            6,
            {"maxPerGroup": {"groupOf": employers, "max": 1}},
        ),
        draw_vector("unicode: code-unit order and JCS escaping, the whole pool permuted", label("secret 4"), label("root 4"), strange, len(strange), {}),
        draw_vector("larger: 25 of 200", label("secret 5"), label("root 5"), big, 25, {"exclude": big[:20]}),
    ]
    refusals = []
    for name, pool, count, constraints in [
        ("too few eligible", experts[:5], 4, {"exclude": experts[:2]}),
        ("too few reachable under the group maximum", experts[:12], 5, {"maxPerGroup": {"groupOf": {n: f"g{i % 2}" for i, n in enumerate(experts)}, "max": 2}}),
        ("a repeated pool id", ["a", "b", "a"], 1, {}),
        ("an empty pool id", ["a", ""], 1, {}),
        ("an unpaired surrogate", ["a", "\ud800"], 1, {}),
        ("an eligible id without a group", ["a", "b", "c"], 1, {"exclude": ["c"], "maxPerGroup": {"groupOf": {"a": "g"}, "max": 1}}),
        ("a group maximum of 0", ["a", "b"], 1, {"maxPerGroup": {"groupOf": {"a": "g", "b": "g"}, "max": 0}}),
    ]:
        try:
            prepare(pool, count, constraints)
            raise SystemExit(f"{name}: not refused")
        except Refused as e:
            refusals.append({"name": name, "pool": pool, "count": count, "constraints": constraints, "code": e.code})
    drbg = []
    for s in ["drbg seed 1", "drbg seed 2"]:
        d = Drbg(label(s))
        drbg.append({"seed": label(s).hex(), "words": [d.word() for _ in range(20)]})
    ub = []
    for n, words in [
        (3, [0xFFFFFFFF, 5]),
        (3, [0xFFFFFFFE]),
        (2**31 + 1, [2**31 + 1, 0xFFFFFFFF, 2**31]),
        (16, [0xFFFFFFFF]),
        (1, [12345]),
        (10, [4294967290, 4294967295, 4294967289]),
        (2**32, [0xFFFFFFFF]),
    ]:
        it = iter(words)
        consumed = [0]

        def word():
            consumed[0] += 1
            return next(it)

        ub.append({"n": n, "words": words, "result": uniform_below(n, word), "consumed": consumed[0]})
    out = {
        "format": "bidhall-draw-vectors/1",
        "spec": "docs/draw-format.md",
        "generatedBy": "packages/crypto/test-vectors/draw-reference.py",
        "drbg": drbg,
        "uniformBelow": ub,
        "draws": draws,
        "refusals": refusals,
    }
    # ensure_ascii keeps the file plain ASCII; \\ud800 stays an escape, as JSON allows.
    json.dump(out, sys.stdout, indent=2, ensure_ascii=True)
    sys.stdout.write("\n")


if __name__ == "__main__":
    main()
