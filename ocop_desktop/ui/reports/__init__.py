"""Số liệu: the programme's figures on the Reports page — choose a report and a day, see its tables,
export them to Excel or PDF; every figure computed on a worker (`ops`)."""
