// Moved to printers/object-printer.ts; re-exported for the apply and edit commands that still import it from this path.
export { objectPrinter, type ObjectPrinter } from '../../printers/object-printer.ts';
