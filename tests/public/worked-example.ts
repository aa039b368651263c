/**
 * Four respondents. Element sums 14, 12, 11, 16, 13, 13, 15, 11, 11 give the means
 * 3.50, 3.00, 2.75, 4.00, 3.25, 3.25, 3.75, 2.75, 2.75 (sum 29.00).
 * Weighted by 1/9 each: 29 / 9 = 3.2222; x 25 = 80.5556, published as 80.56: grade B (76.61-88.30), "Baik".
 */
export const WORKED_EXAMPLE = [
  [4, 4, 3, 4, 3, 3, 4, 2, 3],
  [3, 3, 3, 4, 3, 3, 4, 3, 3],
  [3, 2, 2, 4, 3, 4, 4, 3, 2],
  [4, 3, 3, 4, 4, 3, 3, 3, 3],
];
