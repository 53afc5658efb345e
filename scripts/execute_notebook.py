"""Executes Jupyter notebooks through a real kernel with nbclient, as a reader pressing "Run All" would.

    execute_notebook.py [--kernel NAME] [--timeout S] [--startup-timeout S] [--save | --output-dir DIR] NOTEBOOK...

A cell that raises an error fails the notebook unless it is tagged "raises-exception". Each notebook gets a
fresh kernel (the one named in its metadata unless --kernel is given). With --save the executed notebook is
written back in place, with go4j's canonical notebook metadata and without empty late-output placeholders;
with --output-dir an executed copy is written there, as the kernel produced it. Prints one line per notebook,
with the time from starting the kernel to its first cell output. Exit status: 0 if every notebook ran, 1 if
one failed (the failing cell and its error are printed), 2 for bad arguments.
"""
import argparse
import os
import sys
import time

import nbformat
from nbclient import NotebookClient
from nbclient.exceptions import CellExecutionError

# What every go4j notebook's metadata says, so that it opens with the go4j kernel and renders as Java.
METADATA = {
    "kernelspec": {"name": "go4j", "display_name": "Java (go4j)", "language": "java"},
    "language_info": {"name": "java", "codemirror_mode": "java", "file_extension": ".jshell",
                      "mimetype": "text/x-java-source", "pygments_lexer": "java"},
}
LATE_OUTPUT = ("go4j", "late-output")  # metadata of the display a cell keeps for its goroutines' late prints


class TimedClient(NotebookClient):
    """An nbclient that notes when the kernel started and when the first output arrived."""

    def __init__(self, nb, **kw):
        super().__init__(nb, **kw)
        self.started = time.monotonic()
        self.first_output = None

    def output(self, outs, msg, display_id, cell_index):
        if self.first_output is None:
            self.first_output = time.monotonic()
        return super().output(outs, msg, display_id, cell_index)


def is_empty_late_output(output):
    return (output.get("output_type") == "display_data"
            and output.get("metadata", {}).get(LATE_OUTPUT[0]) == LATE_OUTPUT[1]
            and not "".join(output.get("data", {}).get("text/plain", "")))


def merged_streams(outputs):
    """Adjacent stream outputs of one stream as one output, as a frontend saves them."""
    merged = []
    for o in outputs:
        if (o.get("output_type") == "stream" and merged and merged[-1].get("output_type") == "stream"
                and merged[-1].get("name") == o.get("name")):
            merged[-1]["text"] = "".join(merged[-1]["text"]) + "".join(o["text"])
        else:
            merged.append(o)
    return merged


def tidy(nb):
    """What --save stores: merged streams, no empty placeholders, no timing, the canonical metadata."""
    for cell in nb.cells:
        if cell.cell_type == "code":
            cell.outputs = merged_streams([o for o in cell.outputs if not is_empty_late_output(o)])
            cell.metadata.pop("execution", None)
    nb.metadata.update(METADATA)


def run(path, args):
    nb = nbformat.read(path, as_version=4)
    kernel = args.kernel or nb.metadata.get("kernelspec", {}).get("name") or "go4j"
    client = TimedClient(nb, kernel_name=kernel, timeout=args.timeout,
                         startup_timeout=args.startup_timeout or args.timeout,
                         allow_errors=False, record_timing=False,
                         resources={"metadata": {"path": os.path.dirname(os.path.abspath(path))}})
    try:
        client.execute()
    except CellExecutionError as e:
        print(f"{path}: FAILED through kernel {kernel}\n{e}", file=sys.stderr)
        save(nb, path, args)
        return False
    first = "no output" if client.first_output is None else f"{client.first_output - client.started:.1f} s"
    cells = sum(1 for c in nb.cells if c.cell_type == "code")
    print(f"{path}: {cells} code cells ran through kernel {kernel} in {time.monotonic() - client.started:.1f} s "
          f"(kernel start to first cell output: {first})")
    save(nb, path, args)
    return True


def save(nb, path, args):
    if args.save:
        tidy(nb)
        nbformat.write(nb, path)
    elif args.output_dir:
        os.makedirs(args.output_dir, exist_ok=True)
        nbformat.write(nb, os.path.join(args.output_dir, os.path.basename(path)))


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("notebooks", nargs="+")
    parser.add_argument("--kernel", help="kernelspec name (default: the notebook's own, else go4j)")
    parser.add_argument("--timeout", type=int, default=300, help="seconds one cell may take")
    parser.add_argument("--startup-timeout", type=int, help="seconds the kernel may take to start (default: --timeout)")
    where = parser.add_mutually_exclusive_group()
    where.add_argument("--save", action="store_true", help="write the executed notebook back in place")
    where.add_argument("--output-dir", help="write executed copies into this folder")
    args = parser.parse_args()
    for path in args.notebooks:
        if not os.path.isfile(path):
            parser.error(f"no such notebook: {path}")
    results = [run(path, args) for path in args.notebooks]
    sys.exit(0 if all(results) else 1)


if __name__ == "__main__":
    main()
