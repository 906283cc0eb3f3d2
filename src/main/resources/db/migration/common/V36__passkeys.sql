-- Passkeys (WebAuthn): the tables of Spring Security's JDBC repositories, with their
-- column names, in types both H2 and PostgreSQL read (BYTEA is H2's VARBINARY). A user
-- entity's name is the account's user name; removing an account's passkeys removes its
-- rows here (docs/security.md, "Passkeys").
CREATE TABLE user_entities (
	id VARCHAR(1000) NOT NULL PRIMARY KEY,
	name VARCHAR(100) NOT NULL,
	display_name VARCHAR(200)
);
CREATE UNIQUE INDEX ux_user_entities_name ON user_entities (name);

CREATE TABLE user_credentials (
	credential_id VARCHAR(1000) NOT NULL PRIMARY KEY,
	user_entity_user_id VARCHAR(1000) NOT NULL REFERENCES user_entities (id) ON DELETE CASCADE,
	public_key BYTEA NOT NULL,
	signature_count BIGINT,
	uv_initialized BOOLEAN,
	backup_eligible BOOLEAN NOT NULL,
	authenticator_transports VARCHAR(1000),
	public_key_credential_type VARCHAR(100),
	backup_state BOOLEAN NOT NULL,
	attestation_object BYTEA,
	attestation_client_data_json BYTEA,
	created TIMESTAMP,
	last_used TIMESTAMP,
	label VARCHAR(1000) NOT NULL
);
CREATE INDEX ix_user_credentials_user ON user_credentials (user_entity_user_id);
