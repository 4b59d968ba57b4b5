CREATE ROLE bystander LOGIN PASSWORD 'bystander-password'
