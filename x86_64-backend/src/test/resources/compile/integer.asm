; function %add3(i64, i64) -> i64 {
; block0(v0: i64, v1: i64):
;     v2 = iadd v0, v1
;     v3 = iadd_imm v2, 40
;     return v3
; }
%add3:
   0: push rbp
   1: mov rbp,rsp
   4: lea rax,[rdi+rsi*1]
   8: lea rax,[rax+0x28]
   c: mov rsp,rbp
   f: pop rbp
  10: ret

; function %sub_imm(i32) -> i32 {
; block0(v0: i32):
;     v1 = iconst.i32 7
;     v2 = isub v0, v1
;     return v2
; }
%sub_imm:
  20: push rbp
  21: mov rbp,rsp
  24: lea eax,[rdi-0x7]
  27: movsxd rax,eax
  2a: mov rsp,rbp
  2d: pop rbp
  2e: ret

; function %big_imm(i64) -> i64 {
; block0(v0: i64):
;     v1 = iconst.i64 78187493530
;     v2 = band v0, v1
;     return v2
; }
%big_imm:
  30: push rbp
  31: mov rbp,rsp
  34: movabs rax,0x123456789a
  3e: mov rcx,rdi
  41: and rcx,rax
  44: mov rax,rcx
  47: mov rsp,rbp
  4a: pop rbp
  4b: ret

; function %mul_imm(i64) -> i64 {
; block0(v0: i64):
;     v1 = imul_imm v0, 10
;     return v1
; }
%mul_imm:
  50: push rbp
  51: mov rbp,rsp
  54: imul rax,rdi,0xa
  58: mov rsp,rbp
  5b: pop rbp
  5c: ret

; function %sdiv64(i64, i64) -> i64 {
; block0(v0: i64, v1: i64):
;     v2 = sdiv v0, v1
;     return v2
; }
%sdiv64:
  60: push rbp
  61: mov rbp,rsp
  64: mov rax,rdi
  67: mov rcx,rsi
  6a: test rcx,rcx
  6d: je 0x95
  73: cmp rcx,0xffffffffffffffff
  77: jne 0x8b
  7d: neg rax
  80: jo 0x9f
  86: jmp 0x90
  8b: cqo
  8d: idiv rcx
  90: mov rsp,rbp
  93: pop rbp
  94: ret
  95: mov eax,0x1
  9a: jmp 0x514
  9f: mov eax,0x2
  a4: jmp 0x514

; function %srem8(i8, i8) -> i8 {
; block0(v0: i8, v1: i8):
;     v2 = srem v0, v1
;     return v2
; }
%srem8:
  b0: push rbp
  b1: mov rbp,rsp
  b4: mov rax,rdi
  b7: movsx ecx,sil
  bb: movsx eax,al
  be: test ecx,ecx
  c0: je 0xe2
  c6: cmp ecx,0xffffffff
  c9: jne 0xd6
  cf: xor edx,edx
  d1: jmp 0xd9
  d6: cdq
  d7: idiv ecx
  d9: movsx rax,dl
  dd: mov rsp,rbp
  e0: pop rbp
  e1: ret
  e2: mov eax,0x1
  e7: jmp 0x514

; function %shl16(i16, i16) -> i16 {
; block0(v0: i16, v1: i16):
;     v2 = ishl v0, v1
;     return v2
; }
%shl16:
  f0: push rbp
  f1: mov rbp,rsp
  f4: mov ecx,esi
  f6: and ecx,0xf
  f9: shl edi,cl
  fb: movsx rax,di
  ff: mov rsp,rbp
 102: pop rbp
 103: ret

; function %sshr8(i8, i8) -> i8 {
; block0(v0: i8, v1: i8):
;     v2 = sshr v0, v1
;     return v2
; }
%sshr8:
 110: push rbp
 111: mov rbp,rsp
 114: mov ecx,esi
 116: and ecx,0x7
 119: movsx edi,dil
 11d: sar edi,cl
 11f: movsx rax,dil
 123: mov rsp,rbp
 126: pop rbp
 127: ret

; function %rotl32(i32, i32) -> i32 {
; block0(v0: i32, v1: i32):
;     v2 = rotl v0, v1
;     return v2
; }
%rotl32:
 130: push rbp
 131: mov rbp,rsp
 134: mov rcx,rsi
 137: rol edi,cl
 139: movsxd rax,edi
 13c: mov rsp,rbp
 13f: pop rbp
 140: ret

; function %lt(i32, i32) -> i8 {
; block0(v0: i32, v1: i32):
;     v2 = icmp slt v0, v1
;     return v2
; }
%lt:
 150: push rbp
 151: mov rbp,rsp
 154: cmp edi,esi
 156: setl al
 159: movsx rax,al
 15d: mov rsp,rbp
 160: pop rbp
 161: ret

; function %max(i64, i64) -> i64 {
; block0(v0: i64, v1: i64):
;     v2 = icmp sgt v0, v1
;     v3 = select v2, v0, v1
;     return v3
; }
%max:
 170: push rbp
 171: mov rbp,rsp
 174: cmp rdi,rsi
 177: setg al
 17a: mov rcx,rsi
 17d: test al,al
 17f: cmovne rcx,rdi
 183: mov rax,rcx
 186: mov rsp,rbp
 189: pop rbp
 18a: ret

; function %add_ovf8(i8, i8) -> i8 {
; block0(v0: i8, v1: i8):
;     v2, v3 = iadd_overflow v0, v1
;     return v3
; }
%add_ovf8:
 190: push rbp
 191: mov rbp,rsp
 194: add dil,sil
 197: seto al
 19a: movsx rax,al
 19e: mov rsp,rbp
 1a1: pop rbp
 1a2: ret

; function %widen(i16) -> i64 {
; block0(v0: i16):
;     v1 = uextend.i64 v0
;     return v1
; }
%widen:
 1b0: push rbp
 1b1: mov rbp,rsp
 1b4: movzx eax,di
 1b7: mov rsp,rbp
 1ba: pop rbp
 1bb: ret

