-- The sheet of an XLSX workbook a quarantined row came from; `archivo` keeps the file's name alone.
ALTER TABLE ops.cuarentena ADD COLUMN hoja VARCHAR;
