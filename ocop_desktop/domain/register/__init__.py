"""Importing an existing register (producers, products, certificates) from a spreadsheet: the column
names people write, the cell values they type, and the legal bases old certificates were issued under."""
