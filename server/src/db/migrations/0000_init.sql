CREATE TABLE "departments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"key" text NOT NULL,
	"name" text NOT NULL,
	"short_name" text NOT NULL,
	"credit_code" text NOT NULL,
	"phone" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "departments_key_unique" UNIQUE("key"),
	CONSTRAINT "departments_credit_code_unique" UNIQUE("credit_code")
);
--> statement-breakpoint
CREATE TABLE "hall_windows" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"hall_id" uuid NOT NULL,
	"number" text NOT NULL,
	"name" text NOT NULL,
	"department_id" uuid,
	CONSTRAINT "hall_windows_hall_number" UNIQUE("hall_id","number")
);
--> statement-breakpoint
CREATE TABLE "halls" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"key" text NOT NULL,
	"name" text NOT NULL,
	"address" text NOT NULL,
	"latitude" double precision NOT NULL,
	"longitude" double precision NOT NULL,
	"phone" text NOT NULL,
	"hours_text" text NOT NULL,
	"opening_periods" jsonb NOT NULL,
	"transit" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "halls_key_unique" UNIQUE("key")
);
--> statement-breakpoint
CREATE TABLE "documents" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"sha256" text NOT NULL,
	"file_name" text NOT NULL,
	"mime_type" text NOT NULL,
	"bytes" integer NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "documents_sha_name" UNIQUE("sha256","file_name")
);
--> statement-breakpoint
CREATE TABLE "materials" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"matter_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"name" text NOT NULL,
	"issuer" text NOT NULL,
	"originals" integer NOT NULL,
	"copies" integer NOT NULL,
	"required" boolean NOT NULL,
	"accepts_tolerance" boolean NOT NULL,
	"notes" text NOT NULL,
	"template_document_id" uuid,
	"sample_document_id" uuid,
	CONSTRAINT "materials_matter_name" UNIQUE("matter_id","name")
);
--> statement-breakpoint
CREATE TABLE "matters" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"key" text NOT NULL,
	"name" text NOT NULL,
	"basic_code" text NOT NULL,
	"implementation_code" text NOT NULL,
	"type" text NOT NULL,
	"case_kind" text NOT NULL,
	"department_id" uuid NOT NULL,
	"hall_id" uuid NOT NULL,
	"window_numbers" jsonb NOT NULL,
	"legal_limit_days" integer NOT NULL,
	"promised_limit_days" integer NOT NULL,
	"legal_basis" text NOT NULL,
	"conditions" jsonb NOT NULL,
	"process" jsonb NOT NULL,
	"fee_charged" boolean NOT NULL,
	"fee_basis" text NOT NULL,
	"fee_items" jsonb NOT NULL,
	"consult_phone" text NOT NULL,
	"supervision_phone" text NOT NULL,
	"faqs" jsonb NOT NULL,
	"flags" jsonb NOT NULL,
	"visits_required" integer NOT NULL,
	"audiences" jsonb NOT NULL,
	"topics" jsonb NOT NULL,
	"keywords" jsonb NOT NULL,
	"search_text" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "matters_key_unique" UNIQUE("key"),
	CONSTRAINT "matters_implementation_code_unique" UNIQUE("implementation_code"),
	CONSTRAINT "matters_limits" CHECK ("matters"."promised_limit_days" >= 0 AND "matters"."promised_limit_days" <= "matters"."legal_limit_days"),
	CONSTRAINT "matters_basic_code" CHECK (char_length("matters"."basic_code") <= 12),
	CONSTRAINT "matters_implementation_code" CHECK (char_length("matters"."implementation_code") <= 64)
);
--> statement-breakpoint
CREATE TABLE "citizens" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"phone" text,
	"wechat_openid" text,
	"wechat_unionid" text,
	"real_name" text,
	"id_number" text,
	"identity_level" text DEFAULT 'none' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "citizens_phone_unique" UNIQUE("phone"),
	CONSTRAINT "citizens_wechat_openid_unique" UNIQUE("wechat_openid"),
	CONSTRAINT "citizens_id_number_unique" UNIQUE("id_number")
);
--> statement-breakpoint
CREATE TABLE "staff" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"username" text NOT NULL,
	"display_name" text NOT NULL,
	"role" text NOT NULL,
	"department_id" uuid,
	"password_hash" text NOT NULL,
	"failed_logins" integer DEFAULT 0 NOT NULL,
	"locked_until" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "staff_username_unique" UNIQUE("username"),
	CONSTRAINT "staff_role" CHECK ("staff"."role" IN ('window', 'lead', 'admin')),
	CONSTRAINT "staff_department" CHECK ("staff"."role" = 'admin' OR "staff"."department_id" IS NOT NULL)
);
--> statement-breakpoint
CREATE TABLE "sessions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"token_hash" text NOT NULL,
	"citizen_id" uuid,
	"staff_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"revoked_at" timestamp with time zone,
	CONSTRAINT "sessions_token_hash_unique" UNIQUE("token_hash"),
	CONSTRAINT "sessions_one_subject" CHECK (("sessions"."citizen_id" IS NULL) <> ("sessions"."staff_id" IS NULL))
);
--> statement-breakpoint
CREATE TABLE "sms_codes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"phone" text NOT NULL,
	"code_hash" text NOT NULL,
	"client_key" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"failed_attempts" integer DEFAULT 0 NOT NULL,
	"consumed_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "audit_log" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"staff_id" uuid,
	"action" text NOT NULL,
	"target_kind" text NOT NULL,
	"target_id" text NOT NULL,
	"detail" jsonb DEFAULT '{}'::jsonb NOT NULL
);
--> statement-breakpoint
ALTER TABLE "hall_windows" ADD CONSTRAINT "hall_windows_hall_id_halls_id_fk" FOREIGN KEY ("hall_id") REFERENCES "public"."halls"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "hall_windows" ADD CONSTRAINT "hall_windows_department_id_departments_id_fk" FOREIGN KEY ("department_id") REFERENCES "public"."departments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "materials" ADD CONSTRAINT "materials_matter_id_matters_id_fk" FOREIGN KEY ("matter_id") REFERENCES "public"."matters"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "materials" ADD CONSTRAINT "materials_template_document_id_documents_id_fk" FOREIGN KEY ("template_document_id") REFERENCES "public"."documents"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "materials" ADD CONSTRAINT "materials_sample_document_id_documents_id_fk" FOREIGN KEY ("sample_document_id") REFERENCES "public"."documents"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "matters" ADD CONSTRAINT "matters_department_id_departments_id_fk" FOREIGN KEY ("department_id") REFERENCES "public"."departments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "matters" ADD CONSTRAINT "matters_hall_id_halls_id_fk" FOREIGN KEY ("hall_id") REFERENCES "public"."halls"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "staff" ADD CONSTRAINT "staff_department_id_departments_id_fk" FOREIGN KEY ("department_id") REFERENCES "public"."departments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sessions" ADD CONSTRAINT "sessions_citizen_id_citizens_id_fk" FOREIGN KEY ("citizen_id") REFERENCES "public"."citizens"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sessions" ADD CONSTRAINT "sessions_staff_id_staff_id_fk" FOREIGN KEY ("staff_id") REFERENCES "public"."staff"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "matters_department" ON "matters" USING btree ("department_id");--> statement-breakpoint
CREATE INDEX "sessions_expires" ON "sessions" USING btree ("expires_at");--> statement-breakpoint
CREATE INDEX "sms_codes_phone_created" ON "sms_codes" USING btree ("phone","created_at");--> statement-breakpoint
CREATE INDEX "sms_codes_client_created" ON "sms_codes" USING btree ("client_key","created_at");--> statement-breakpoint
CREATE INDEX "audit_log_target" ON "audit_log" USING btree ("target_kind","target_id");