#!/usr/bin/env python3
"""Asks the kernel to page out a running process's read-only mappings of its own executable (process_madvise with
MADV_PAGEOUT), to see how much of an idle service's RSS is executable pages touched once at start and never again.

    python3 benchmarks/page-out-executable.py PID [EXECUTABLE]     (root, or the same user with CAP_SYS_NICE; Linux >= 5.10)

Prints how much was advised; read /proc/PID/status before and after (RssFile). Pages the process touches again are
faulted back in from the page cache. docs/benchmarks.md, "Start-up: closed options registrations", has the figures.
"""
import ctypes
import os
import sys

SYS_PIDFD_OPEN = 434
SYS_PROCESS_MADVISE = 440
MADV_PAGEOUT = 21


class IoVec(ctypes.Structure):
    _fields_ = [("base", ctypes.c_void_p), ("len", ctypes.c_size_t)]


def main() -> int:
    pid = int(sys.argv[1])
    executable = sys.argv[2] if len(sys.argv) > 2 else os.readlink(f"/proc/{pid}/exe")
    libc = ctypes.CDLL(None, use_errno=True)
    pidfd = libc.syscall(SYS_PIDFD_OPEN, pid, 0)
    if pidfd < 0:
        print(f"error: pidfd_open failed (errno {ctypes.get_errno()})", file=sys.stderr)
        return 1
    advised, mappings = 0, 0
    with open(f"/proc/{pid}/maps", encoding="ascii") as maps:
        for line in maps:
            fields = line.split()
            # Read-only and executable mappings of the file only: writable ones hold the process's own data.
            if len(fields) < 6 or fields[5] != executable or "w" in fields[1]:
                continue
            start, end = (int(x, 16) for x in fields[0].split("-"))
            vector = IoVec(start, end - start)
            result = libc.syscall(SYS_PROCESS_MADVISE, pidfd, ctypes.byref(vector), 1, MADV_PAGEOUT, 0)
            if result < 0:
                print(f"error: process_madvise failed (errno {ctypes.get_errno()})", file=sys.stderr)
                return 1
            advised += result
            mappings += 1
    print(f"advised {advised // 1024} KiB in {mappings} mappings of {executable}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
