package org.barshaga.network;

/**
 * The steps of a request: who makes each (the centre or the requesting place), and the
 * state it starts from.
 */
public enum Transition {

	ACCEPT(Side.CENTRE, RequestStatus.SUBMITTED), SCHEDULE(Side.CENTRE, RequestStatus.ACCEPTED),
	CLOSE(Side.CENTRE, RequestStatus.SCHEDULED), CONFIRM(Side.REQUESTER, RequestStatus.CLOSED),
	FOLLOW_UP_DONE(Side.CENTRE, null);

	/** Which organisation of the request makes a step. */
	enum Side {

		CENTRE("centre_path"), REQUESTER("requester_path");

		private final String column;

		Side(String column) {
			this.column = column;
		}

		String column() {
			return column;
		}

	}

	private final Side side;

	private final RequestStatus from;

	Transition(Side side, RequestStatus from) {
		this.side = side;
		this.from = from;
	}

	Side side() {
		return side;
	}

	/** The state the step starts from; none for a follow-up, done after closing. */
	RequestStatus from() {
		return from;
	}

}
