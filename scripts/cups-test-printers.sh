#!/usr/bin/env bash
# Starts CUPS (when it is not running) and adds the two queues the printing tests use:
# osteodoc-pdf (Debian's cups-pdf: each job becomes a PDF in ${HOME}/PDF of the user who printed)
# and osteodoc-stopped (the same, disabled: a printer that is down). Needs root (lpadmin).
set -euo pipefail
if ! lpstat -r 2>/dev/null | grep -q "scheduler is running"; then
  if command -v systemctl >/dev/null && systemctl is-system-running >/dev/null 2>&1; then systemctl start cups; else cupsd; fi
  for _ in $(seq 50); do lpstat -r 2>/dev/null | grep -q "scheduler is running" && break; sleep 0.2; done
fi
ppd=/usr/share/ppd/cups-pdf/CUPS-PDF_opt.ppd
for queue in osteodoc-pdf osteodoc-stopped; do
  lpstat -p "$queue" >/dev/null 2>&1 || lpadmin -p "$queue" -E -v cups-pdf:/ -P "$ppd" 2>/dev/null
  cupsaccept "$queue"
done
cupsenable osteodoc-pdf
cupsdisable -r "kept stopped for the tests" osteodoc-stopped
lpstat -p osteodoc-pdf -p osteodoc-stopped
