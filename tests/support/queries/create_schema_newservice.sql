CREATE SCHEMA newservice
