package org.barshaga.indicators;

import java.sql.ResultSet;

import org.springframework.jdbc.core.simple.JdbcClient;

/** The facts of reconciliation: children out of school, and the registers' agreement. */
final class ReconciledFacts {

	private ReconciledFacts() {
	}

	/**
	 * The children of the health registry and the benefit register in the current linkage
	 * run of each region, each once, as the view {@code reconcile_current_result} gives
	 * them, counted where they live: at their district, or at their region when the
	 * registers give no district. Read as counts only. Those of school age (6 to 17 on 1
	 * September) make the out-of-school measures; the agreement of the two registers is
	 * counted only where a run had both.
	 */
	static void load(JdbcClient jdbc, YearFacts facts, int year) {
		jdbc.sql("""
				SELECT residence_path, sex, age, outcome, found_in, both_registers, COUNT(*) AS children
				FROM reconcile_current_result WHERE school_year = :year
				GROUP BY residence_path, sex, age, outcome, found_in, both_registers""")
			.param("year", year)
			.query((ResultSet rs) -> {
				long children = rs.getLong("children");
				String outcome = rs.getString("outcome");
				int age = rs.getInt("age");
				boolean schoolAge = age >= FactLoader.SCHOOL_AGE_FROM && age <= FactLoader.SCHOOL_AGE_TO;
				boolean bothRegisters = rs.getBoolean("both_registers");
				String found = rs.getString("found_in");
				boolean inBoth = found != null && found.contains("HEALTH") && found.contains("BENEFIT");
				byte[] dimensions = YearFacts.noDimensions();
				dimensions[Dimension.SEX.ordinal()] = (byte) Dimension.SEX.index(rs.getString("sex"));
				dimensions[Dimension.AGE_GROUP.ordinal()] = (byte) Dimension.AGE_GROUP.index(Dimension.ageGroup(age));
				double[] row = new double[Measure.columns(Measure.Scope.RECONCILED)];
				row[Measure.RECONCILED_SCHOOL_AGE.column()] = schoolAge ? children : 0;
				row[Measure.OUT_OF_SCHOOL.column()] = schoolAge && "NOT_ENROLLED".equals(outcome) ? children : 0;
				row[Measure.OUT_OF_SCHOOL_UNCERTAIN.column()] = schoolAge && "UNCERTAIN".equals(outcome) ? children : 0;
				// the registers agree only where a run had both to compare
				row[Measure.RECONCILED_CHILDREN.column()] = bothRegisters ? children : 0;
				row[Measure.REGISTERS_AGREE.column()] = bothRegisters && inBoth ? children : 0;
				facts.add(rs.getString("residence_path"), false, dimensions, Measure.Scope.RECONCILED, row);
			});
	}

}
