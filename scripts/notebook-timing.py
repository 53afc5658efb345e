#!/usr/bin/env python3
"""Times a Jupyter kernel as a notebook user meets it, for ./go4j bench.

  notebook-timing.py --kernel go4j [--probe CODE] [NOTEBOOK.ipynb ...]   prints a Markdown table of seconds
  notebook-timing.py --has-kernel go4j                                   exit status 0 if that kernelspec exists

"kernel start to first output" runs from starting the kernel process until the first output of a one-line cell
(--probe) arrives. Each notebook's time is nbclient executing it whole, kernel start and shutdown included.
Exits with status 1 if the kernel or a notebook fails (a cell tagged raises-exception may fail, as in nbclient).
"""
import argparse
import os
import sys
import time

os.environ.setdefault("PYDEVD_DISABLE_FILE_VALIDATION", "1")

import jupyter_client  # noqa: E402
import nbclient  # noqa: E402
import nbformat  # noqa: E402
from jupyter_client.kernelspec import KernelSpecManager  # noqa: E402

CELL_TIMEOUT_SECONDS = 600


def has_kernel(name):
    return name in KernelSpecManager().find_kernel_specs()


def first_output_seconds(kernel, code):
    """Seconds from starting the kernel to the first output of `code`."""
    manager = jupyter_client.KernelManager(kernel_name=kernel)
    start = time.monotonic()
    manager.start_kernel()
    client = manager.client()
    try:
        client.start_channels()
        client.wait_for_ready(timeout=CELL_TIMEOUT_SECONDS)
        msg_id = client.execute(code)
        while True:
            msg = client.get_iopub_msg(timeout=CELL_TIMEOUT_SECONDS)
            if msg["parent_header"].get("msg_id") != msg_id:
                continue
            kind = msg["msg_type"]
            if kind in ("stream", "execute_result", "display_data"):
                return time.monotonic() - start
            if kind == "error":
                raise RuntimeError("the probe cell failed: " + msg["content"].get("evalue", ""))
            if kind == "status" and msg["content"]["execution_state"] == "idle":
                raise RuntimeError("the probe cell printed nothing: " + code)
    finally:
        client.stop_channels()
        manager.shutdown_kernel(now=True)


def notebook_seconds(kernel, path):
    """Seconds nbclient takes to execute the notebook at `path`, and its number of code cells."""
    notebook = nbformat.read(path, as_version=4)
    cells = sum(1 for cell in notebook.cells if cell.cell_type == "code")
    client = nbclient.NotebookClient(notebook, kernel_name=kernel, timeout=CELL_TIMEOUT_SECONDS,
                                     resources={"metadata": {"path": os.path.dirname(os.path.abspath(path))}})
    start = time.monotonic()
    client.execute()
    return time.monotonic() - start, cells


def describe(error):
    """One short line for a failure; nbclient's own message starts with a generic line and the cell's code."""
    if hasattr(error, "ename"):
        text = f"{error.ename}: {error.evalue}"
    else:
        text = (str(error).splitlines() or [type(error).__name__])[0]
    return text if len(text) <= 100 else text[:97] + "..."


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--has-kernel", metavar="NAME", help="only check that this kernelspec is installed")
    parser.add_argument("--kernel", default="go4j", help="the kernelspec to time (default: go4j)")
    parser.add_argument("--probe", default='println("ready")', help="the one-line first cell (default: a go4j println)")
    parser.add_argument("notebooks", nargs="*", help="notebooks to execute and time")
    args = parser.parse_args()
    if args.has_kernel:
        return 0 if has_kernel(args.has_kernel) else 1
    if not has_kernel(args.kernel):
        print(f"notebooks: skipped (no '{args.kernel}' kernelspec installed)")
        return 0

    rows, failed = [], False
    try:
        rows.append((f"kernel start to first output ({args.kernel})", f"{first_output_seconds(args.kernel, args.probe):.2f}"))
    except Exception as e:  # report and go on to the notebooks: each line says what it measured or why not
        rows.append((f"kernel start to first output ({args.kernel})", f"failed: {e}"))
        failed = True
    for path in args.notebooks:
        name = os.path.basename(path)
        try:
            seconds, cells = notebook_seconds(args.kernel, path)
            rows.append((f"execute {name} ({cells} code cells)", f"{seconds:.2f}"))
        except Exception as e:
            rows.append((f"execute {name}", "failed: " + describe(e)))
            failed = True
    if not args.notebooks:
        rows.append(("notebooks", "none found"))

    width = max(len("notebook timing"), *(len(r[0]) for r in rows))
    value_width = max(len("seconds"), *(len(r[1]) for r in rows))
    print(f"| {'notebook timing'.ljust(width)} | {'seconds'.rjust(value_width)} |")
    print(f"| {'-' * width} | {'-' * (value_width - 1)}: |")
    for label, value in rows:
        print(f"| {label.ljust(width)} | {value.rjust(value_width)} |")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
