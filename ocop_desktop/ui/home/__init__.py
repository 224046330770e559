"""Tổng quan: the home page of every role — what needs attention now and the year's key figures."""
