/** The Python every export ends with: central differences, the comparison, and the loop that prints PASS or FAIL. */

/** Relative tolerance of the comparison, loose enough for central differences (their error is about 1e-10 here). */
const TOLERANCE = 1e-5;

/** `product(a, b)`, for products whose kind the note leaves to the shapes (as the checker reads them). */
export const PRODUCT_BY_SHAPE = `def product(a, b):
    """A product read by its factors' shapes: a scaling, a matrix product where the inner sizes agree, else entry by entry."""
    if np.size(a) == 1 or np.size(b) == 1:
        return a * b
    if np.shape(a)[1] == np.shape(b)[0]:
        return a @ b
    return a * b`;

export const RUNTIME = `TOLERANCE = ${TOLERANCE}


def derivative(of, wrt, point, step=1e-5):
    """Central differences of sum(of(values)) by \`wrt\`, entry by entry. An input is moved; an intermediate is held
    at the moved value, what feeds it cut (as backpropagation does)."""
    base = np.array(forward(**point)[wrt], dtype=float)
    gradient = np.zeros_like(base)
    for index in np.ndindex(base.shape):
        h = step * max(1.0, abs(float(base[index])))
        sides = []
        for moved in (base[index] + h, base[index] - h):
            value = base.copy()
            value[index] = moved
            value = float(value) if value.ndim == 0 else value
            at = forward(**{**point, wrt: value}) if wrt in point else forward(**point, held={wrt: value})
            sides.append(float(np.sum(of(at))))
        gradient[index] = (sides[0] - sides[1]) / (2 * h)
    return float(gradient) if gradient.ndim == 0 else gradient


def compare(claimed, actual):
    """Whether the claimed value is the derivative (relative tolerance TOLERANCE), and a few words on how far off it is."""
    claimed = np.asarray(claimed, dtype=float)
    actual = np.asarray(actual, dtype=float)
    if claimed.size == 1:
        claimed = np.full(actual.shape, float(claimed.reshape(-1)[0]))
    elif actual.size == 1 and claimed.ndim < 2:
        actual = np.full(claimed.shape, float(actual.reshape(-1)[0]))
    if claimed.shape != actual.shape:
        return False, f"the claim has shape {claimed.shape}, the derivative {actual.shape}"
    error = float(np.max(np.abs(claimed - actual)))
    scale = max(float(np.max(np.abs(actual))), float(np.max(np.abs(claimed))), 1e-8)
    summary = f"claimed {np.round(claimed, 6).tolist()}, finite differences {np.round(actual, 6).tolist()}"
    return error <= TOLERANCE * scale, summary


def run(check):
    """A claim's check at every sample point inside its domain: the first point where it fails, or how many passed."""
    passed = 0
    for number, point in enumerate(POINTS, start=1):
        try:
            with np.errstate(all="ignore"):
                claimed, actual = check(point)
        except (ValueError, ArithmeticError) as error:
            return False, f"at point {number}: {error}"
        if not (np.all(np.isfinite(claimed)) and np.all(np.isfinite(actual))):
            continue  # outside the domain of a log or a division
        ok, summary = compare(claimed, actual)
        if not ok:
            return False, f"at point {number}: {summary}"
        passed += 1
    if passed == 0:
        return False, "no sample point lies inside the domain"
    return True, f"at {passed} point{'s' if passed > 1 else ''}"


def main():
    if hasattr(sys.stdout, "reconfigure"):
        sys.stdout.reconfigure(errors="replace")
    failed = 0
    for where, what, verdict, check in CHECKS:
        ok, detail = run(check)
        expected = " (derivcheck refuted this claim: a FAIL is expected)" if verdict == "refuted" else ""
        print(f"{'PASS' if ok else 'FAIL'} {where} {what}: {detail}{expected}")
        failed += 0 if ok else 1
    print(f"{len(CHECKS) - failed} of {len(CHECKS)} checks passed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
`;
