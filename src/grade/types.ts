/** What every grader returns: pass, a score in [0, 1], and a reason that shows expected and actual. */
export interface GradeResult {
  pass: boolean;
  score: number;
  reason: string;
}
