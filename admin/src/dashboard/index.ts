export { Dashboard } from './Dashboard';
export { StackedBars, Columns, Legend, COLORS } from './charts';
