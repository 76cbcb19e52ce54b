"""Review service: submissions read model, rubrics, ratings, comments and decisions."""
